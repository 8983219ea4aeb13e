//! Loading: a decoded [`BeamModule`] becomes a [`Module`] of internal instructions.
//!
//! Two passes. The first translates each generic instruction into an [`Op`] whose labels
//! still hold label *numbers*, recording where each label and `line` instruction falls. The
//! code is then boxed (it never moves again) and a fix-up pass turns every label number into
//! the address of its instruction. Exports and lambdas get their addresses last, and the
//! module becomes current. Anything inconsistent is a [`LoadFailure`], never a panic.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use enigma_loader::{AllocKind, BeamModule, Instr, Opcode, Operand};
use enigma_term::boxed::{Export, FunEntry};
use enigma_term::{build, integer, Atom, Term, TermAlloc, VecAlloc};

use super::exports::{call_bif_op, export_entry, is_native};
use super::module::{register, Function, Module};
use crate::bifs;
use crate::emulator::instr::*;
use crate::emulator::run::NO_GC;

/// Why a module could not be loaded (after the `.beam` itself parsed).
#[derive(Debug, Clone)]
pub struct LoadFailure(pub String);

impl std::fmt::Display for LoadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn fail<T>(msg: impl Into<String>) -> Result<T, LoadFailure> {
    Err(LoadFailure(msg.into()))
}

/// Reads, translates and (if `install`) registers the module in `bytes`.
pub fn load_bytes(bytes: &[u8], install: bool) -> Result<&'static Module, LoadFailure> {
    // A gzip-compressed file is inflated once here rather than by each reader below.
    let bytes = enigma_loader::decompress(bytes).map_err(|e| LoadFailure(e.to_string()))?;
    let bytes: &[u8] = &bytes;
    let beam = enigma_loader::load(bytes).map_err(|e| LoadFailure(e.to_string()))?;
    let md5 = module_md5(bytes);
    let module = translate(&beam, md5)?;
    let module: &'static Module = Box::leak(Box::new(module));
    finish(module, &beam, install);
    Ok(module)
}

/// The module's checksum, as BEAM computes it (funs' `new_uniq`, `module_info(md5)`).
fn module_md5(bytes: &[u8]) -> [u8; 16] {
    enigma_loader::module_md5(bytes).unwrap_or([0; 16])
}

struct Ctx<'a> {
    beam: &'a BeamModule,
    atoms: Vec<Atom>,
    literals: Vec<Term>,
    lit_area: VecAlloc,
    lambdas: Vec<&'static FunEntry>,
    /// Bignum operands already placed in the literal area: as in BEAM, every use of the
    /// same value in the code is the same term.
    bignums: HashMap<num_bigint::BigInt, Term>,
}

impl Ctx<'_> {
    fn atom(&self, i: u32) -> Result<Term, LoadFailure> {
        if i == 0 {
            return Ok(Term::NIL);
        }
        self.atoms
            .get(i as usize - 1)
            .map(|a| Term::atom(*a))
            .ok_or_else(|| LoadFailure(format!("atom {i} out of range")))
    }

    fn src(&mut self, op: &Operand) -> Result<Src, LoadFailure> {
        Ok(match op.untyped() {
            Operand::X(n) => Src::X(*n as u16),
            Operand::Y(n) => Src::Y(*n as u16),
            Operand::Atom(i) => Src::Const(self.atom(*i)?),
            Operand::Integer(v) => Src::Const(integer::from_i64(&mut self.lit_area, *v)),
            Operand::BigInt(v) => Src::Const(match self.bignums.get(v) {
                Some(t) => *t,
                None => {
                    let t = integer::from_bigint(&mut self.lit_area, v);
                    self.bignums.insert(v.clone(), t);
                    t
                }
            }),
            Operand::LiteralIndex(i) => Src::Const(
                *self
                    .literals
                    .get(*i as usize)
                    .ok_or_else(|| LoadFailure("literal out of range".into()))?,
            ),
            Operand::Literal(v) => Src::Const(Term::small(*v as i64)),
            Operand::Char(c) => Src::Const(Term::small(*c as i64)),
            other => return fail(format!("unexpected source operand {other:?}")),
        })
    }

    fn dst(&self, op: &Operand) -> Result<Dst, LoadFailure> {
        match op.untyped() {
            Operand::X(n) => Ok(Dst::X(*n as u16)),
            Operand::Y(n) => Ok(Dst::Y(*n as u16)),
            other => fail(format!("unexpected destination operand {other:?}")),
        }
    }

    fn term(&mut self, op: &Operand) -> Result<Term, LoadFailure> {
        match self.src(op)? {
            Src::Const(t) => Ok(t),
            _ => fail("expected a constant"),
        }
    }

    fn import(&self, i: u32) -> Result<(Atom, Atom, u32), LoadFailure> {
        let imp = self
            .beam
            .imports
            .get(i as usize)
            .ok_or_else(|| LoadFailure("import out of range".into()))?;
        let m = self
            .atom(imp.module)?
            .as_atom()
            .ok_or_else(|| LoadFailure("bad import".into()))?;
        let f = self
            .atom(imp.function)?
            .as_atom()
            .ok_or_else(|| LoadFailure("bad import".into()))?;
        Ok((m, f, imp.arity))
    }
}

fn u(op: &Operand) -> Result<u32, LoadFailure> {
    match op {
        Operand::Literal(v) => Ok(*v),
        Operand::Integer(v) if *v >= 0 && *v <= u32::MAX as i64 => Ok(*v as u32),
        other => fail(format!("expected an unsigned operand, got {other:?}")),
    }
}

fn label(op: &Operand) -> Result<Label, LoadFailure> {
    match op {
        Operand::Label(n) => Ok(Label(*n as usize)),
        // `bs_start_match4` uses the atoms `no_fail`/`resume` in place of a label.
        Operand::Atom(_) => Ok(Label::FAIL),
        other => fail(format!("expected a label, got {other:?}")),
    }
}

fn list(op: &Operand) -> Result<&[Operand], LoadFailure> {
    match op {
        Operand::List(v) => Ok(v),
        other => fail(format!("expected a list, got {other:?}")),
    }
}

fn y(op: &Operand) -> Result<u16, LoadFailure> {
    match op.untyped() {
        Operand::Y(n) => Ok(*n as u16),
        other => fail(format!("expected a y register, got {other:?}")),
    }
}

fn freg(op: &Operand) -> Result<u16, LoadFailure> {
    match op {
        Operand::FloatReg(n) => Ok(*n as u16),
        other => fail(format!("expected a float register, got {other:?}")),
    }
}

/// Heap words an allocation operand asks for (a plain count or an allocation list).
fn heap_need(op: &Operand) -> Result<u32, LoadFailure> {
    match op {
        Operand::AllocList(items) => Ok(items.iter().fold(0u32, |acc, (kind, n)| {
            acc.saturating_add(match kind {
                AllocKind::Words => *n,
                AllocKind::Floats => n.saturating_mul(2),
                AllocKind::Funs => n.saturating_mul(3),
            })
        })),
        other => u(other),
    }
}

fn args<const N: usize>(i: &Instr) -> Result<&[Operand; N], LoadFailure> {
    i.args
        .as_slice()
        .try_into()
        .map_err(|_| LoadFailure(format!("{} needs {N} operands", i.op.name())))
}

fn translate(beam: &BeamModule, md5: [u8; 16]) -> Result<Module, LoadFailure> {
    let atoms: Vec<Atom> = beam
        .atoms
        .iter()
        .map(|a| Atom::intern(a).map_err(|_| LoadFailure(format!("bad atom {a:?}"))))
        .collect::<Result<_, _>>()?;
    let module = *atoms
        .first()
        .ok_or_else(|| LoadFailure("no module name".into()))?;
    let mut lit_area = VecAlloc::new();
    let mut literals = Vec::with_capacity(beam.literals.len());
    for bytes in &beam.literals {
        literals.push(crate::code::literals::decode(bytes, &mut lit_area).map_err(LoadFailure)?);
    }
    let lambdas = beam
        .lambdas
        .iter()
        .map(|l| {
            let function = atoms
                .get((l.function as usize).wrapping_sub(1))
                .copied()
                .unwrap_or(module);
            let num_free = l.num_free.min(l.arity);
            let e: &'static FunEntry = Box::leak(Box::new(FunEntry {
                module,
                function,
                arity: l.arity - num_free,
                num_free,
                index: l.index,
                old_uniq: l.old_uniq,
                new_uniq: md5,
                old_index: l.index,
                code: AtomicUsize::new(0),
            }));
            e
        })
        .collect();
    let mut cx = Ctx {
        beam,
        atoms,
        literals,
        lit_area,
        lambdas,
        bignums: HashMap::new(),
    };

    let mut code: Vec<Op> = Vec::with_capacity(beam.code.len());
    let mut label_at: HashMap<u32, usize> = HashMap::new();
    let mut lines: Vec<(u32, u32)> = Vec::new();
    let mut functions: Vec<Function> = Vec::new();
    let mut on_load = None;
    let mut pending_on_load = false;
    for (at, instr) in beam.code.iter().enumerate() {
        match instr.op {
            Opcode::Label => {
                let [l] = args::<1>(instr)?;
                label_at.insert(u(l)?, code.len());
                continue;
            }
            Opcode::Line => {
                let [l] = args::<1>(instr)?;
                if beam.lines.is_some() {
                    lines.push((code.len() as u32, u(l)?));
                }
                continue;
            }
            Opcode::OnLoad => {
                pending_on_load = true;
                continue;
            }
            Opcode::NifStart => {
                // The function is listed in `-nifs`. When Enigma implements it natively,
                // its body becomes a call to the native function, so local calls reach the
                // NIF as on BEAM after `erlang:load_nif/2` (which Enigma does not need).
                if let Some(f) = functions.last() {
                    let m = f.mfa;
                    if let Some(bif) = crate::bifs::lookup(m.module, m.function, m.arity) {
                        let export = export_entry(m.module, m.function, m.arity);
                        code.push(call_bif_op(bif, export, 1));
                        continue;
                    }
                }
            }
            Opcode::FuncInfo => {
                let [_, f, a] = args::<3>(instr)?;
                let function = cx.atom(match f {
                    Operand::Atom(i) => *i,
                    _ => return fail("func_info without a function atom"),
                })?;
                let mfa = Mfa {
                    module,
                    function: function.as_atom().unwrap_or(module),
                    arity: u(a)?,
                };
                functions.push(Function {
                    mfa,
                    start: code.len(),
                });
                code.push(Op::FuncInfo(mfa));
                if pending_on_load {
                    on_load = Some(code.len());
                    pending_on_load = false;
                }
                continue;
            }
            _ => {}
        }
        let mut op = translate_instr(&mut cx, instr)?;
        if let Some(dealloc) = deallocate_return_after(&beam.code, at) {
            op = match op {
                Op::CallFun { arity } => Op::CallFunLast {
                    arity,
                    fun: Src::X(arity as u16),
                    dealloc,
                },
                Op::CallFun2 { arity, fun } => Op::CallFunLast {
                    arity,
                    fun,
                    dealloc,
                },
                other => other,
            };
        }
        // The `deallocate; return` after a fused call stay: unreachable from it, but a
        // label can only precede them if none stands between (checked above).
        code.push(op);
    }
    code.push(Op::CodeEnd);
    let mut code = code.into_boxed_slice();

    // Fix-up: label numbers become addresses.
    let base = code.as_ptr() as usize;
    let size = core::mem::size_of::<Op>();
    let mut bad_label = None;
    for op in code.iter_mut() {
        for_each_label(op, &mut |l: &mut Label| {
            if l.0 == 0 {
                return;
            }
            match label_at.get(&(l.0 as u32)) {
                Some(&i) => l.0 = base + i * size,
                None => bad_label = Some(l.0),
            }
        });
    }
    if let Some(l) = bad_label {
        return fail(format!("undefined label {l}"));
    }

    // Lambdas and exports get their code addresses.
    for (entry, l) in cx.lambdas.iter().zip(&beam.lambdas) {
        let i = *label_at
            .get(&l.label)
            .ok_or_else(|| LoadFailure("lambda label undefined".into()))?;
        entry.code.store(base + i * size, Ordering::Release);
    }
    let mut exports = Vec::new();
    for e in &beam.exports {
        let f = cx
            .atom(e.function)?
            .as_atom()
            .ok_or_else(|| LoadFailure("bad export".into()))?;
        exports.push((f, e.arity));
    }
    let (line_items, files) = match &beam.lines {
        Some(t) => (
            t.items.iter().map(|it| (it.file, it.line)).collect(),
            t.files.clone(),
        ),
        None => (Vec::new(), vec![format!("{}.erl", beam.name)]),
    };
    let file_terms = files
        .iter()
        .map(|f| build::str_list(&mut cx.lit_area, f))
        .collect();
    let attributes = decode_optional(&beam.attributes, &mut cx.lit_area);
    let compile_info = decode_optional(&beam.compile_info, &mut cx.lit_area);
    // Keep the export label positions for `finish`.
    let export_addrs: Vec<usize> = beam
        .exports
        .iter()
        .map(|e| label_at.get(&e.label).map_or(0, |&i| base + i * size))
        .collect();
    Ok(Module {
        name: module,
        code,
        literals: cx.lit_area,
        functions,
        lines,
        line_items,
        files,
        file_terms,
        lambdas: cx.lambdas,
        exports,
        attributes,
        compile_info,
        md5,
        on_load,
        export_addrs,
    })
}

fn decode_optional(bytes: &Option<Vec<u8>>, area: &mut VecAlloc) -> Term {
    bytes
        .as_ref()
        .and_then(|b| crate::code::literals::decode(b, area).ok())
        .unwrap_or(Term::NIL)
}

/// Installs the module (unless only checking): it becomes the current version.
fn finish(m: &'static Module, _beam: &BeamModule, install: bool) {
    if install {
        make_current(m);
    }
}

/// Makes `m` the current version of its module and points its export entries at it.
/// Exports of the previous version that `m` lacks lose their code (a call to them goes
/// to the error handler, as on BEAM).
pub fn make_current(m: &'static Module) {
    let prev = register(m);
    if let Some(prev) = prev {
        for &(f, a) in &prev.exports {
            if !m.exports.contains(&(f, a)) {
                let e = export_entry(m.name, f, a);
                if !is_native(e) {
                    e.code.store(0, Ordering::Release);
                }
            }
        }
    }
    for ((f, a), addr) in m.exports.iter().zip(&m.export_addrs) {
        let e: &'static Export = export_entry(m.name, *f, *a);
        if !is_native(e) {
            e.code.store(*addr, Ordering::Release);
        }
    }
}

/// Takes every export of module `name` away from its code (`erlang:delete_module/1`).
pub fn unexport_all(m: &'static Module) {
    for &(f, a) in &m.exports {
        let e = export_entry(m.name, f, a);
        if !is_native(e) {
            e.code.store(0, Ordering::Release);
        }
    }
}

/// Loads a preloaded module as BEAM has it: BEAM's preloaded modules are built into the
/// emulator without line numbers, attributes or compile information, so stack traces
/// through `init` or `erl_prim_loader` show no locations and `init:module_info(compile)`
/// is `[]`. Enigma reads the installed `.beam` files and drops the same parts.
pub fn load_preloaded(bytes: &[u8]) -> Result<&'static Module, LoadFailure> {
    let mut beam = enigma_loader::load(bytes).map_err(|e| LoadFailure(e.to_string()))?;
    beam.lines = None;
    beam.attributes = None;
    beam.compile_info = None;
    let md5 = module_md5(bytes);
    let module: &'static Module = Box::leak(Box::new(translate(&beam, md5)?));
    make_current(module);
    Ok(module)
}

/// Parses and translates a `.beam` without installing it (`erlang:prepare_loading/2`).
pub fn prepare(bytes: &[u8]) -> Result<Module, LoadFailure> {
    let beam = enigma_loader::load(bytes).map_err(|e| LoadFailure(e.to_string()))?;
    let md5 = module_md5(bytes);
    translate(&beam, md5)
}

/// Calls `f` on every label an instruction holds.
fn for_each_label(op: &mut Op, f: &mut dyn FnMut(&mut Label)) {
    match op {
        Op::Call { target, .. } | Op::CallLast { target, .. } | Op::CallOnly { target, .. } => {
            f(target)
        }
        Op::Bif { fail, .. }
        | Op::Arith { fail, .. }
        | Op::Test { fail, .. }
        | Op::Cmp { fail, .. }
        | Op::TestArity { fail, .. }
        | Op::IsTaggedTuple { fail, .. }
        | Op::IsFunction2 { fail, .. }
        | Op::PutMapAssoc { fail, .. }
        | Op::PutMapExact { fail, .. }
        | Op::HasMapFields { fail, .. }
        | Op::GetMapElements { fail, .. }
        | Op::BsCreateBin { fail, .. }
        | Op::BsStartMatch { fail, .. }
        | Op::BsGetInteger { fail, .. }
        | Op::BsGetFloat { fail, .. }
        | Op::BsGetBinary { fail, .. }
        | Op::BsSkipBits { fail, .. }
        | Op::BsTestTail { fail, .. }
        | Op::BsTestUnit { fail, .. }
        | Op::BsMatchString { fail, .. }
        | Op::BsGetUtf { fail, .. }
        | Op::LoopRec { fail, .. } => f(fail),
        Op::SelectVal { fail, table, .. } => {
            f(fail);
            for (_, l) in table.iter_mut() {
                f(l);
            }
        }
        Op::SelectTupleArity { fail, table, .. } => {
            f(fail);
            for (_, l) in table.iter_mut() {
                f(l);
            }
        }
        Op::Bif3(b) => f(&mut b.fail),
        Op::BsLegacy(b) => f(&mut b.fail),
        Op::Jump(l) | Op::LoopRecEnd(l) | Op::Wait(l) => f(l),
        Op::WaitTimeout { target, .. } => f(target),
        Op::Catch { handler, .. } | Op::Try { handler, .. } => f(handler),
        _ => {}
    }
}

fn type_test(op: Opcode) -> Option<TypeTest> {
    Some(match op {
        Opcode::IsInteger => TypeTest::Integer,
        Opcode::IsFloat => TypeTest::Float,
        Opcode::IsNumber => TypeTest::Number,
        Opcode::IsAtom => TypeTest::Atom,
        Opcode::IsPid => TypeTest::Pid,
        Opcode::IsReference => TypeTest::Reference,
        Opcode::IsPort => TypeTest::Port,
        Opcode::IsNil => TypeTest::Nil,
        Opcode::IsBinary => TypeTest::Binary,
        Opcode::IsBitstr => TypeTest::Bitstring,
        Opcode::IsList => TypeTest::List,
        Opcode::IsNonemptyList => TypeTest::NonemptyList,
        Opcode::IsTuple => TypeTest::Tuple,
        Opcode::IsFunction => TypeTest::Function,
        Opcode::IsBoolean => TypeTest::Boolean,
        Opcode::IsMap => TypeTest::Map,
        _ => return None,
    })
}

fn compare(op: Opcode) -> Option<Compare> {
    Some(match op {
        Opcode::IsLt => Compare::Lt,
        Opcode::IsGe => Compare::Ge,
        Opcode::IsEq => Compare::Eq,
        Opcode::IsNe => Compare::Ne,
        Opcode::IsEqExact => Compare::EqExact,
        Opcode::IsNeExact => Compare::NeExact,
        _ => return None,
    })
}

fn bif_call(cx: &Ctx, imp: u32) -> Result<(BifRef, &'static Export), LoadFailure> {
    let (m, f, a) = cx.import(imp)?;
    let e = export_entry(m, f, a);
    Ok((bifs::lookup(m, f, a), e))
}

type BifRef = Option<bifs::BifFn>;

/// The frame size `D` when the instructions after `code[at]` are `deallocate D` and
/// `return` with nothing between them (no label, which a jump could reach, nor a line).
fn deallocate_return_after(code: &[Instr], at: usize) -> Option<u32> {
    let (d, r) = (code.get(at + 1)?, code.get(at + 2)?);
    if d.op != Opcode::Deallocate || r.op != Opcode::Return {
        return None;
    }
    u(d.args.first()?).ok()
}

fn translate_instr(cx: &mut Ctx, i: &Instr) -> Result<Op, LoadFailure> {
    use Opcode as O;
    if let Some(kind) = type_test(i.op) {
        let [l, s] = args::<2>(i)?;
        return Ok(Op::Test {
            kind,
            fail: label(l)?,
            src: cx.src(s)?,
        });
    }
    if let Some(kind) = compare(i.op) {
        let [l, a, b] = args::<3>(i)?;
        return Ok(Op::Cmp {
            kind,
            fail: label(l)?,
            a: cx.src(a)?,
            b: cx.src(b)?,
        });
    }
    Ok(match i.op {
        O::IntCodeEnd => Op::CodeEnd,
        O::Call => {
            let [a, l] = args::<2>(i)?;
            Op::Call {
                arity: u(a)?,
                target: label(l)?,
            }
        }
        O::CallLast => {
            let [a, l, d] = args::<3>(i)?;
            Op::CallLast {
                arity: u(a)?,
                target: label(l)?,
                dealloc: u(d)?,
            }
        }
        O::CallOnly => {
            let [a, l] = args::<2>(i)?;
            Op::CallOnly {
                arity: u(a)?,
                target: label(l)?,
            }
        }
        O::CallExt | O::CallExtOnly | O::CallExtLast => {
            let arity = u(&i.args[0])?;
            let imp = u(i
                .args
                .get(1)
                .ok_or_else(|| LoadFailure("call_ext operands".into()))?)?;
            let dealloc = match i.op {
                O::CallExtLast => Some(u(i
                    .args
                    .get(2)
                    .ok_or_else(|| LoadFailure("call_ext_last operands".into()))?)?),
                _ => None,
            };
            let (bif, export) = bif_call(cx, imp)?;
            match (bif, i.op, dealloc) {
                (Some(bif), O::CallExt, _) => call_bif_op(bif, export, 0),
                (Some(bif), O::CallExtOnly, _) => call_bif_op(bif, export, 1),
                (Some(bif), _, Some(d)) => call_bif_op(bif, export, d + 2),
                (None, O::CallExt, _) => Op::CallExt { arity, export },
                (None, O::CallExtOnly, _) => Op::CallExtOnly { arity, export },
                (Some(bif), _, None) => call_bif_op(bif, export, 0),
                (None, _, d) => Op::CallExtLast {
                    arity,
                    export,
                    dealloc: d.unwrap_or(0),
                },
            }
        }
        O::Bif0 | O::Bif1 | O::Bif2 | O::GcBif1 | O::GcBif2 | O::GcBif3 => {
            // bifN: Fail Imp Args... Dst; gc_bifN: Fail Live Imp Args... Dst.
            let gc = matches!(i.op, O::GcBif1 | O::GcBif2 | O::GcBif3);
            let (fail_l, live, imp, rest) = if gc {
                let f = label(i.args.first().ok_or_else(|| LoadFailure("gc_bif".into()))?)?;
                let live = u(i.args.get(1).ok_or_else(|| LoadFailure("gc_bif".into()))?)?;
                let imp = u(i.args.get(2).ok_or_else(|| LoadFailure("gc_bif".into()))?)?;
                (f, live, imp, &i.args[3..])
            } else if i.op == O::Bif0 {
                let imp = u(i.args.first().ok_or_else(|| LoadFailure("bif0".into()))?)?;
                (Label::FAIL, NO_GC as u32, imp, &i.args[1..])
            } else {
                let f = label(i.args.first().ok_or_else(|| LoadFailure("bif".into()))?)?;
                let imp = u(i.args.get(1).ok_or_else(|| LoadFailure("bif".into()))?)?;
                (f, NO_GC as u32, imp, &i.args[2..])
            };
            let (dst_op, arg_ops) = rest
                .split_last()
                .ok_or_else(|| LoadFailure("bif without destination".into()))?;
            let mut a = [Src::Const(Term::NIL); 3];
            for (k, op) in arg_ops.iter().enumerate().take(3) {
                a[k] = cx.src(op)?;
            }
            let (bif, export) = bif_call(cx, imp)?;
            let Some(bif) = bif else {
                let name = format!(
                    "{}:{}/{}",
                    export.module.name(),
                    export.function.name(),
                    export.arity
                );
                return Ok(Op::Unimplemented(Box::leak(name.into_boxed_str())));
            };
            let dst = cx.dst(dst_op)?;
            if arg_ops.len() == 2 && export.module == enigma_term::atom::ERLANG {
                if let Some(op) = ArithOp::from_name(export.function.name()) {
                    let quiet = matches!(op, ArithOp::Add | ArithOp::Sub)
                        && matches!(a[0], Src::X(_) | Src::Y(_))
                        && matches!(a[1], Src::Const(c) if c.is_small());
                    return Ok(Op::Arith {
                        op,
                        quiet,
                        bif,
                        fail: fail_l,
                        a: a[0],
                        b: a[1],
                        dst,
                        live: live as u16,
                    });
                }
            }
            if arg_ops.len() == 3 {
                Op::Bif3(Box::new(Bif3 {
                    bif,
                    fail: fail_l,
                    args: a,
                    live: live as u16,
                    dst,
                }))
            } else {
                Op::Bif {
                    bif,
                    fail: fail_l,
                    args: [a[0], a[1]],
                    argc: arg_ops.len() as u8,
                    live: live as u16,
                    dst,
                }
            }
        }
        O::Allocate | O::AllocateZero => {
            let [s, l] = args::<2>(i)?;
            Op::Allocate {
                stack: u(s)?,
                heap: 0,
                live: u(l)?,
                zero: i.op == O::AllocateZero,
            }
        }
        O::AllocateHeap | O::AllocateHeapZero => {
            let [s, h, l] = args::<3>(i)?;
            Op::Allocate {
                stack: u(s)?,
                heap: heap_need(h)?,
                live: u(l)?,
                zero: i.op == O::AllocateHeapZero,
            }
        }
        O::TestHeap => {
            let [h, l] = args::<2>(i)?;
            Op::TestHeap {
                need: heap_need(h)?,
                live: u(l)?,
            }
        }
        O::Init => Op::Init(y(&args::<1>(i)?[0])?),
        O::InitYregs => {
            let [l] = args::<1>(i)?;
            Op::InitYregs(list(l)?.iter().map(y).collect::<Result<_, _>>()?)
        }
        O::Deallocate => Op::Deallocate(u(&args::<1>(i)?[0])?),
        O::Return => Op::Return,
        O::Trim => {
            let [n, r] = args::<2>(i)?;
            Op::Trim {
                remove: u(n)?,
                remaining: u(r)?,
            }
        }
        O::Send => Op::Send,
        O::RemoveMessage => Op::RemoveMessage,
        O::Timeout => Op::Timeout,
        O::LoopRec => {
            let [l, d] = args::<2>(i)?;
            Op::LoopRec {
                fail: label(l)?,
                dst: cx.dst(d)?,
            }
        }
        O::LoopRecEnd => Op::LoopRecEnd(label(&args::<1>(i)?[0])?),
        O::Wait => Op::Wait(label(&args::<1>(i)?[0])?),
        O::WaitTimeout => {
            let [l, t] = args::<2>(i)?;
            Op::WaitTimeout {
                target: label(l)?,
                time: cx.src(t)?,
            }
        }
        O::RecvMarkerReserve => Op::RecvMarkerReserve(cx.dst(&args::<1>(i)?[0])?),
        O::RecvMarkerBind => {
            let [m, r] = args::<2>(i)?;
            Op::RecvMarkerBind {
                marker: cx.src(m)?,
                reference: cx.src(r)?,
            }
        }
        O::RecvMarkerClear => Op::RecvMarkerClear(cx.src(&args::<1>(i)?[0])?),
        O::RecvMarkerUse => Op::RecvMarkerUse(cx.src(&args::<1>(i)?[0])?),
        // Receive optimisations of OTP 21–23, superseded by the recv_marker instructions;
        // a hint only, so doing nothing is correct.
        O::RecvMark | O::RecvSet => Op::Nop,
        O::TestArity => {
            let [l, s, n] = args::<3>(i)?;
            Op::TestArity {
                fail: label(l)?,
                src: cx.src(s)?,
                arity: u(n)?,
            }
        }
        O::IsTaggedTuple => {
            let [l, s, n, a] = args::<4>(i)?;
            Op::IsTaggedTuple {
                fail: label(l)?,
                src: cx.src(s)?,
                arity: u(n)?,
                tag: cx.term(a)?,
            }
        }
        O::IsFunction2 => {
            let [l, s, a] = args::<3>(i)?;
            Op::IsFunction2 {
                fail: label(l)?,
                src: cx.src(s)?,
                arity: cx.src(a)?,
            }
        }
        O::SelectVal => {
            let [s, l, tbl] = args::<3>(i)?;
            let items = list(tbl)?;
            let mut table = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                if let [v, t] = pair {
                    table.push((cx.term(v)?, label(t)?));
                }
            }
            let sorted = table.iter().all(|(t, _)| t.is_immediate());
            if sorted {
                table.sort_by_key(|(t, _)| t.raw());
            }
            Op::SelectVal {
                src: cx.src(s)?,
                fail: label(l)?,
                table: table.into_boxed_slice(),
                sorted,
            }
        }
        O::SelectTupleArity => {
            let [s, l, tbl] = args::<3>(i)?;
            let items = list(tbl)?;
            let mut table = Vec::with_capacity(items.len() / 2);
            for pair in items.chunks(2) {
                if let [v, t] = pair {
                    table.push((u(v)?, label(t)?));
                }
            }
            Op::SelectTupleArity {
                src: cx.src(s)?,
                fail: label(l)?,
                table: table.into_boxed_slice(),
            }
        }
        O::Jump => Op::Jump(label(&args::<1>(i)?[0])?),
        O::Catch => {
            let [r, l] = args::<2>(i)?;
            Op::Catch {
                y: y(r)?,
                handler: label(l)?,
            }
        }
        O::CatchEnd => Op::CatchEnd(y(&args::<1>(i)?[0])?),
        O::Try => {
            let [r, l] = args::<2>(i)?;
            Op::Try {
                y: y(r)?,
                handler: label(l)?,
            }
        }
        O::TryEnd => Op::TryEnd(y(&args::<1>(i)?[0])?),
        O::TryCase => Op::TryCase(y(&args::<1>(i)?[0])?),
        O::TryCaseEnd => Op::TryCaseEnd(cx.src(&args::<1>(i)?[0])?),
        O::Raise => {
            let [t, v] = args::<2>(i)?;
            Op::Raise {
                trace: cx.src(t)?,
                value: cx.src(v)?,
            }
        }
        O::BuildStacktrace => Op::BuildStacktrace,
        O::RawRaise => Op::RawRaise,
        O::Move => {
            let [s, d] = args::<2>(i)?;
            Op::Move {
                src: cx.src(s)?,
                dst: cx.dst(d)?,
            }
        }
        O::Swap => {
            let [a, b] = args::<2>(i)?;
            Op::Swap {
                a: cx.dst(a)?,
                b: cx.dst(b)?,
            }
        }
        O::GetList => {
            let [s, h, t] = args::<3>(i)?;
            Op::GetList {
                src: cx.src(s)?,
                head: cx.dst(h)?,
                tail: cx.dst(t)?,
            }
        }
        O::GetHd => {
            let [s, d] = args::<2>(i)?;
            Op::GetHd {
                src: cx.src(s)?,
                dst: cx.dst(d)?,
            }
        }
        O::GetTl => {
            let [s, d] = args::<2>(i)?;
            Op::GetTl {
                src: cx.src(s)?,
                dst: cx.dst(d)?,
            }
        }
        O::GetTupleElement => {
            let [s, n, d] = args::<3>(i)?;
            Op::GetTupleElement {
                src: cx.src(s)?,
                index: u(n)?,
                dst: cx.dst(d)?,
            }
        }
        O::SetTupleElement => {
            let [v, t, n] = args::<3>(i)?;
            Op::SetTupleElement {
                value: cx.src(v)?,
                tuple: cx.src(t)?,
                index: u(n)?,
            }
        }
        O::PutList => {
            let [h, t, d] = args::<3>(i)?;
            Op::PutList {
                head: cx.src(h)?,
                tail: cx.src(t)?,
                dst: cx.dst(d)?,
            }
        }
        O::PutTuple2 => {
            let [d, l] = args::<2>(i)?;
            let elems = list(l)?
                .iter()
                .map(|o| cx.src(o))
                .collect::<Result<_, _>>()?;
            Op::PutTuple2 {
                dst: cx.dst(d)?,
                elems,
            }
        }
        O::Badmatch => Op::Badmatch(cx.src(&args::<1>(i)?[0])?),
        O::IfEnd => Op::IfEnd,
        O::CaseEnd => Op::CaseEnd(cx.src(&args::<1>(i)?[0])?),
        O::Badrecord => Op::Badrecord(cx.src(&args::<1>(i)?[0])?),
        O::CallFun => Op::CallFun {
            arity: u(&args::<1>(i)?[0])?,
        },
        O::CallFun2 => {
            let [_tag, a, f] = args::<3>(i)?;
            Op::CallFun2 {
                arity: u(a)?,
                fun: cx.src(f)?,
            }
        }
        O::MakeFun3 => {
            let [idx, d, env] = args::<3>(i)?;
            let entry = *cx
                .lambdas
                .get(u(idx)? as usize)
                .ok_or_else(|| LoadFailure("lambda out of range".into()))?;
            let env = list(env)?
                .iter()
                .map(|o| cx.src(o))
                .collect::<Result<_, _>>()?;
            Op::MakeFun {
                entry,
                dst: cx.dst(d)?,
                env,
            }
        }
        O::MakeFun2 => {
            let [idx] = args::<1>(i)?;
            let entry = *cx
                .lambdas
                .get(u(idx)? as usize)
                .ok_or_else(|| LoadFailure("lambda out of range".into()))?;
            let env = (0..entry.num_free as u16).map(Src::X).collect();
            Op::MakeFun {
                entry,
                dst: Dst::X(0),
                env,
            }
        }
        O::Apply => Op::Apply {
            arity: u(&args::<1>(i)?[0])?,
        },
        O::ApplyLast => {
            let [a, d] = args::<2>(i)?;
            Op::ApplyLast {
                arity: u(a)?,
                dealloc: u(d)?,
            }
        }
        O::PutMapAssoc | O::PutMapExact => {
            let [l, s, d, live, kvs] = args::<5>(i)?;
            let items = list(kvs)?;
            let mut pairs = Vec::with_capacity(items.len() / 2);
            for kv in items.chunks(2) {
                if let [k, v] = kv {
                    pairs.push((cx.src(k)?, cx.src(v)?));
                }
            }
            // Literal keys in map key order, as BEAM's loader sorts them: `M#{K := V, ...}`
            // fails on the first missing key in that order (`42` before `42.0`).
            if pairs.iter().all(|(k, _)| matches!(k, Src::Const(_))) {
                pairs.sort_by(|(a, _), (b, _)| match (a, b) {
                    (Src::Const(a), Src::Const(b)) => enigma_term::compare::compare(*a, *b, true),
                    _ => std::cmp::Ordering::Equal,
                });
            }
            let (fail, src, dst, live, pairs) = (
                label(l)?,
                cx.src(s)?,
                cx.dst(d)?,
                u(live)?,
                pairs.into_boxed_slice(),
            );
            if i.op == O::PutMapAssoc {
                Op::PutMapAssoc {
                    fail,
                    src,
                    dst,
                    live,
                    pairs,
                }
            } else {
                Op::PutMapExact {
                    fail,
                    src,
                    dst,
                    live,
                    pairs,
                }
            }
        }
        O::HasMapFields => {
            let [l, s, ks] = args::<3>(i)?;
            let keys = list(ks)?
                .iter()
                .map(|o| cx.src(o))
                .collect::<Result<_, _>>()?;
            Op::HasMapFields {
                fail: label(l)?,
                src: cx.src(s)?,
                keys,
            }
        }
        O::GetMapElements => {
            let [l, s, kds] = args::<3>(i)?;
            let items = list(kds)?;
            let mut pairs = Vec::with_capacity(items.len() / 2);
            for kd in items.chunks(2) {
                if let [k, d] = kd {
                    pairs.push((cx.src(k)?, cx.dst(d)?));
                }
            }
            Op::GetMapElements {
                fail: label(l)?,
                src: cx.src(s)?,
                pairs: pairs.into_boxed_slice(),
            }
        }
        O::Fclearerror => Op::Fclearerror,
        O::Fcheckerror => Op::Fcheckerror,
        O::Fmove => {
            let [s, d] = args::<2>(i)?;
            let src = match s {
                Operand::FloatReg(n) => FSrc::F(*n as u16),
                other => FSrc::Reg(cx.src(other)?),
            };
            let dst = match d {
                Operand::FloatReg(n) => FDst::F(*n as u16),
                other => FDst::Reg(cx.dst(other)?),
            };
            Op::Fmove { src, dst }
        }
        O::Fconv => {
            let [s, d] = args::<2>(i)?;
            Op::Fconv {
                src: cx.src(s)?,
                dst: freg(d)?,
            }
        }
        O::Fadd | O::Fsub | O::Fmul | O::Fdiv => {
            let [_, a, b, d] = args::<4>(i)?;
            let op = match i.op {
                O::Fadd => FloatOp::Add,
                O::Fsub => FloatOp::Sub,
                O::Fmul => FloatOp::Mul,
                _ => FloatOp::Div,
            };
            Op::Farith {
                op,
                a: freg(a)?,
                b: freg(b)?,
                dst: freg(d)?,
            }
        }
        O::Fnegate => {
            let [_, a, d] = args::<3>(i)?;
            Op::Fnegate {
                src: freg(a)?,
                dst: freg(d)?,
            }
        }
        O::BsCreateBin => translate_bs_create_bin(cx, i)?,
        O::BsStartMatch3 => {
            let [l, s, live, d] = args::<4>(i)?;
            Op::BsStartMatch {
                fail: label(l)?,
                live: u(live)?,
                src: cx.src(s)?,
                dst: cx.dst(d)?,
            }
        }
        O::BsStartMatch4 => {
            let [l, live, s, d] = args::<4>(i)?;
            Op::BsStartMatch {
                fail: label(l)?,
                live: u(live)?,
                src: cx.src(s)?,
                dst: cx.dst(d)?,
            }
        }
        O::BsGetInteger2 | O::BsGetFloat2 | O::BsGetBinary2 => {
            let [l, c, live, sz, unit, flags, d] = args::<7>(i)?;
            let (fail, ctx, live, size, unit, flags, dst) = (
                label(l)?,
                cx.src(c)?,
                u(live)?,
                cx.src(sz)?,
                u(unit)?,
                u(flags)?,
                cx.dst(d)?,
            );
            match i.op {
                O::BsGetInteger2 => Op::BsGetInteger {
                    fail,
                    ctx,
                    live,
                    size,
                    unit,
                    flags,
                    dst,
                },
                O::BsGetFloat2 => Op::BsGetFloat {
                    fail,
                    ctx,
                    live,
                    size,
                    unit,
                    flags,
                    dst,
                },
                _ => Op::BsGetBinary {
                    fail,
                    ctx,
                    live,
                    size,
                    unit,
                    flags,
                    dst,
                },
            }
        }
        O::BsSkipBits2 => {
            let [l, c, sz, unit, _flags] = args::<5>(i)?;
            Op::BsSkipBits {
                fail: label(l)?,
                ctx: cx.src(c)?,
                size: cx.src(sz)?,
                unit: u(unit)?,
            }
        }
        O::BsTestTail2 => {
            let [l, c, b] = args::<3>(i)?;
            let bits = match b {
                Operand::WideLiteral(v) => *v,
                other => u64::from(u(other)?),
            };
            Op::BsTestTail {
                fail: label(l)?,
                ctx: cx.src(c)?,
                bits,
            }
        }
        O::BsTestUnit => {
            let [l, c, n] = args::<3>(i)?;
            Op::BsTestUnit {
                fail: label(l)?,
                ctx: cx.src(c)?,
                unit: u(n)?,
            }
        }
        O::BsMatchString => {
            let [l, c, b, off] = args::<4>(i)?;
            let bits = u(b)?;
            let start = u(off)? as usize;
            let len = (bits as usize).div_ceil(8);
            let bytes = cx
                .beam
                .strings
                .get(start..start.saturating_add(len))
                .ok_or_else(|| LoadFailure("bs_match_string outside the string table".into()))?;
            Op::BsMatchString {
                fail: label(l)?,
                ctx: cx.src(c)?,
                bits,
                bytes: bytes.into(),
            }
        }
        O::BsGetUtf8 | O::BsGetUtf16 | O::BsGetUtf32 => {
            let [l, c, _live, flags, d] = args::<5>(i)?;
            let width = match i.op {
                O::BsGetUtf8 => 8,
                O::BsGetUtf16 => 16,
                _ => 32,
            };
            Op::BsGetUtf {
                fail: label(l)?,
                ctx: cx.src(c)?,
                width,
                flags: u(flags)?,
                dst: Some(cx.dst(d)?),
            }
        }
        O::BsSkipUtf8 | O::BsSkipUtf16 | O::BsSkipUtf32 => {
            let [l, c, _live, flags] = args::<4>(i)?;
            let width = match i.op {
                O::BsSkipUtf8 => 8,
                O::BsSkipUtf16 => 16,
                _ => 32,
            };
            Op::BsGetUtf {
                fail: label(l)?,
                ctx: cx.src(c)?,
                width,
                flags: u(flags)?,
                dst: None,
            }
        }
        O::BsGetTail => {
            let [c, d, live] = args::<3>(i)?;
            Op::BsGetTail {
                ctx: cx.src(c)?,
                dst: cx.dst(d)?,
                live: u(live)?,
            }
        }
        O::BsGetPosition => {
            let [c, d, _live] = args::<3>(i)?;
            Op::BsGetPosition {
                ctx: cx.src(c)?,
                dst: cx.dst(d)?,
            }
        }
        O::BsSetPosition => {
            let [c, p] = args::<2>(i)?;
            Op::BsSetPosition {
                ctx: cx.src(c)?,
                pos: cx.src(p)?,
            }
        }
        // Marks a function a NIF may replace; without a NIF loaded the Erlang body runs.
        O::NifStart => Op::Nop,
        O::BsInitWritable => Op::BsInitWritable,
        O::BsInit2
        | O::BsInitBits
        | O::BsAdd
        | O::BsAppend
        | O::BsPrivateAppend
        | O::BsPutInteger
        | O::BsPutFloat
        | O::BsPutBinary
        | O::BsPutString
        | O::BsUtf8Size
        | O::BsUtf16Size
        | O::BsPutUtf8
        | O::BsPutUtf16
        | O::BsPutUtf32 => Op::BsLegacy(Box::new(translate_legacy_bs(cx, i)?)),
        other => Op::Unimplemented(other.name()),
    })
}

/// The construction instructions of OTP 24 and earlier compilers (see [`LegacyBs`]).
fn translate_legacy_bs(cx: &mut Ctx, i: &Instr) -> Result<LegacyBs, LoadFailure> {
    use LegacyBsKind as K;
    use Opcode as O;
    let (fail, kind) = match i.op {
        O::BsInit2 | O::BsInitBits => {
            let [l, size, extra, live, _flags, d] = args::<6>(i)?;
            let kind = K::Init {
                size: cx.src(size)?,
                bits: i.op == O::BsInitBits,
                extra: heap_need(extra)?,
                live: u(live)?,
                dst: cx.dst(d)?,
            };
            (label(l)?, kind)
        }
        O::BsAdd => {
            let [l, a, b, unit, d] = args::<5>(i)?;
            let kind = K::Add {
                a: cx.src(a)?,
                b: cx.src(b)?,
                unit: u(unit)?,
                dst: cx.dst(d)?,
            };
            (label(l)?, kind)
        }
        O::BsAppend => {
            let [l, size, extra, live, unit, bin, _flags, d] = args::<8>(i)?;
            let kind = K::Append {
                size: cx.src(size)?,
                extra: heap_need(extra)?,
                live: Some(u(live)?),
                unit: u(unit)?,
                bin: cx.src(bin)?,
                dst: cx.dst(d)?,
            };
            (label(l)?, kind)
        }
        O::BsPrivateAppend => {
            let [l, size, unit, bin, _flags, d] = args::<6>(i)?;
            let kind = K::Append {
                size: cx.src(size)?,
                extra: 0,
                live: None,
                unit: u(unit)?,
                bin: cx.src(bin)?,
                dst: cx.dst(d)?,
            };
            (label(l)?, kind)
        }
        O::BsPutInteger | O::BsPutFloat | O::BsPutBinary => {
            let [l, size, unit, flags, src] = args::<5>(i)?;
            let (size, unit, flags, src) = (cx.src(size)?, u(unit)?, u(flags)?, cx.src(src)?);
            let kind = match i.op {
                O::BsPutInteger => K::PutInteger {
                    size,
                    unit,
                    flags,
                    src,
                },
                O::BsPutFloat => K::PutFloat {
                    size,
                    unit,
                    flags,
                    src,
                },
                _ => K::PutBinary { size, unit, src },
            };
            (label(l)?, kind)
        }
        O::BsPutString => {
            let [len, off] = args::<2>(i)?;
            let (len, off) = (u(len)? as usize, u(off)? as usize);
            let bytes = cx
                .beam
                .strings
                .get(off..off.saturating_add(len))
                .ok_or_else(|| LoadFailure("bs_put_string outside the string table".into()))?;
            (Label::FAIL, K::PutString(bytes.into()))
        }
        O::BsUtf8Size | O::BsUtf16Size => {
            let [l, src, d] = args::<3>(i)?;
            let kind = K::UtfSize {
                width: if i.op == O::BsUtf8Size { 8 } else { 16 },
                src: cx.src(src)?,
                dst: cx.dst(d)?,
            };
            (label(l)?, kind)
        }
        _ => {
            let [l, flags, src] = args::<3>(i)?;
            let kind = K::PutUtf {
                width: match i.op {
                    O::BsPutUtf8 => 8,
                    O::BsPutUtf16 => 16,
                    _ => 32,
                },
                flags: u(flags)?,
                src: cx.src(src)?,
            };
            (label(l)?, kind)
        }
    };
    Ok(LegacyBs { fail, kind })
}

fn translate_bs_create_bin(cx: &mut Ctx, i: &Instr) -> Result<Op, LoadFailure> {
    let [l, _alloc, live, unit, d, segs] = args::<6>(i)?;
    let items = list(segs)?;
    let mut segments = Vec::with_capacity(items.len() / 6);
    for seg in items.chunks(6) {
        let [ty, number, unit, flags, value, size] = seg else {
            return fail("bs_create_bin: incomplete segment");
        };
        let ty = cx.term(ty)?.as_atom().map(|a| a.name()).unwrap_or("");
        let kind = match ty {
            "integer" => BsSegKind::Integer,
            "float" => BsSegKind::Float,
            "binary" => BsSegKind::Binary,
            "utf8" => BsSegKind::Utf8,
            "utf16" => BsSegKind::Utf16,
            "utf32" => BsSegKind::Utf32,
            "string" => BsSegKind::String,
            "append" => BsSegKind::Append,
            "private_append" => BsSegKind::PrivateAppend,
            other => return fail(format!("bs_create_bin: unknown segment type {other}")),
        };
        let flag_bits = match cx.src(flags)? {
            Src::Const(t) => segment_flags(t),
            _ => 0,
        };
        let value = if kind == BsSegKind::String {
            // The value is an offset into the string table; the size is its length in bytes.
            let off = u(value)? as usize;
            let len = match size {
                Operand::Integer(n) if *n >= 0 => *n as usize,
                other => u(other)? as usize,
            };
            let bytes = cx
                .beam
                .strings
                .get(off..off.saturating_add(len))
                .ok_or_else(|| {
                    LoadFailure("bs_create_bin string outside the string table".into())
                })?;
            Src::Const(build::binary(&mut cx.lit_area, bytes))
        } else {
            cx.src(value)?
        };
        segments.push(BsSegment {
            kind,
            number: u(number)?,
            unit: u(unit)?,
            flags: flag_bits,
            value,
            size: cx.src(size)?,
        });
    }
    Ok(Op::BsCreateBin {
        fail: label(l)?,
        live: u(live)?,
        unit: u(unit)?,
        dst: cx.dst(d)?,
        segments: segments.into(),
    })
}

/// Flag bits of a `bs_create_bin` segment's flag list (`[little, signed]`, ...).
fn segment_flags(list: Term) -> u32 {
    let mut bits = 0;
    let mut l = list;
    while let Some((h, t)) = l.as_cons() {
        match h.as_atom().map(|a| a.name()) {
            Some("little") => bits |= BS_LITTLE,
            Some("signed") => bits |= BS_SIGNED,
            Some("native") => bits |= BS_NATIVE,
            _ => {}
        }
        l = t;
    }
    bits
}

/// Whether the loader translates generic opcode `op` into a working instruction (for the
/// coverage report): it translates a dummy instance and looks for the `Unimplemented`
/// fallback, so the answer comes from `translate_instr` itself.
pub fn opcode_supported(op: Opcode) -> bool {
    let beam = BeamModule {
        atoms: vec!["m".into()],
        name: "m".into(),
        code: Vec::new(),
        label_count: 0,
        function_count: 0,
        imports: Vec::new(),
        exports: Vec::new(),
        locals: Vec::new(),
        lambdas: Vec::new(),
        literals: Vec::new(),
        strings: Vec::new(),
        attributes: None,
        compile_info: None,
        lines: None,
        types: None,
    };
    let mut cx = Ctx {
        beam: &beam,
        atoms: Vec::new(),
        literals: Vec::new(),
        lit_area: VecAlloc::new(),
        lambdas: Vec::new(),
        bignums: HashMap::new(),
    };
    let instr = Instr {
        op,
        args: vec![Operand::Literal(0); op.arity()],
    };
    if matches!(
        op,
        Opcode::Label | Opcode::Line | Opcode::FuncInfo | Opcode::OnLoad
    ) {
        return true;
    }
    !matches!(translate_instr(&mut cx, &instr), Ok(Op::Unimplemented(_)))
}

/// Whether a call to a module that is not loaded loads it from the code path natively
/// (`enigma run`, which has no code server). Off in the real boot: there such a call goes
/// to the process's error handler, which asks OTP's `code_server`, as on BEAM.
static AUTOLOAD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// Turns native loading on demand on or off (see [`AUTOLOAD`]).
pub fn set_autoload(on: bool) {
    AUTOLOAD.store(on, Ordering::Relaxed);
}

/// Whether modules are loaded natively on demand.
pub fn autoload() -> bool {
    AUTOLOAD.load(Ordering::Relaxed)
}

/// Loads module `name` from the code path if it is not loaded yet (only under `enigma
/// run`; in the real boot, a module that is not loaded is `nofile` here).
pub fn ensure_loaded(name: Atom) -> Result<&'static Module, LoadFailure> {
    if let Some(m) = super::module::find_module(name) {
        return Ok(m);
    }
    if !autoload() {
        return Err(LoadFailure("nofile".into()));
    }
    static LOADING: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = LOADING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(m) = super::module::find_module(name) {
        return Ok(m);
    }
    let path = super::path::find_beam(name.name()).ok_or_else(|| LoadFailure("nofile".into()))?;
    let bytes =
        std::fs::read(&path).map_err(|e| LoadFailure(format!("{}: {e}", path.display())))?;
    let m = load_bytes(&bytes, true)?;
    super::path::record_loaded(m.name, &path);
    Ok(m)
}

#[allow(dead_code)]
fn _assert_alloc(_: &mut dyn TermAlloc) {}
