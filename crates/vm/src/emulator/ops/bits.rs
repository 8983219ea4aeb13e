//! Bit syntax: building binaries (`bs_create_bin`) and matching them (match contexts and
//! the `bs_get_*` family). Placeholder signatures; the implementations follow.

use enigma_heap::ProcessHeap;
use enigma_term::Term;

use crate::emulator::exception::Exception;
use crate::emulator::instr::BsSegment;
use crate::process::Process;

fn unimplemented(name: &str) -> Exception {
    crate::report_unimplemented(name);
    Exception::error(Term::atom(enigma_term::atom::ENIGMA_UNIMPLEMENTED))
}

pub fn create_bin(_p: &mut Process, _x: &[Term], _segs: &[BsSegment]) -> Result<Term, Exception> {
    Err(unimplemented("bs_create_bin"))
}
pub fn start_match(_h: &mut ProcessHeap, _t: Term) -> Option<Term> {
    crate::report_unimplemented("bs_start_match3");
    None
}
pub fn get_integer(_h: &mut ProcessHeap, _c: Term, _s: Term, _u: u32, _f: u32) -> Option<Term> {
    None
}
pub fn get_float(_h: &mut ProcessHeap, _c: Term, _s: Term, _u: u32, _f: u32) -> Option<Term> {
    None
}
pub fn get_binary(_h: &mut ProcessHeap, _c: Term, _s: Term, _u: u32) -> Option<Term> {
    None
}
pub fn skip_bits(_c: Term, _s: Term, _u: u32) -> bool {
    false
}
pub fn remaining(_c: Term) -> Option<usize> {
    None
}
pub fn match_string(_c: Term, _bits: usize, _bytes: &[u8]) -> bool {
    false
}
pub fn get_utf(_c: Term, _w: u8, _f: u32) -> Option<u32> {
    None
}
pub fn get_tail(_h: &mut ProcessHeap, _c: Term) -> Term {
    Term::NIL
}
pub fn get_position(_c: Term) -> Term {
    Term::small(0)
}
pub fn set_position(_c: Term, _v: Term) {}
