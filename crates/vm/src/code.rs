//! Loaded code: the module table, the export table, and loading `.beam` files into
//! internal instructions (`load.rs`). Modules are never freed, so code addresses (the
//! emulator's program counter, continuation pointers on stacks, export entries) stay valid.

pub mod coverage;
pub mod exports;
pub mod literals;
pub mod load;
pub mod module;
pub mod path;

pub use exports::{export_entry, lookup_export};
pub use module::{find_module, is_literal_address, module_for_address, Module};
