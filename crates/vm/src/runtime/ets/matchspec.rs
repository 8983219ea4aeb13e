//! Match specifications (`ets:select/2`, `match_spec_run/2`, ...): compiling
//! `[{Head, Guards, Body}]` into small programs and running them against objects.
//!
//! The table dialect of BEAM's `erl_db_util.c`:
//! - a head is a pattern in which `'_'` matches anything and `'$N'` (`N` a decimal number
//!   without leading zeros) binds a variable on its first occurrence and must be equal
//!   (`=:=`) to it on later ones; other terms match exactly, maps partially;
//! - guards and bodies are expressions: `'$N'` (bound in the head), `'$_'` (the object),
//!   `'$$'` (the head's variables in number order), `{const, T}`, `{{E1, ...}}` (a tuple),
//!   lists and maps (built from their elements), `{F, A1, ...}` calls of the guard BIFs,
//!   `and`/`or` (strict, any arity), `andalso`/`orelse`, `{self}`; any other term is a
//!   constant;
//! - every guard must evaluate to `true`; a guard that raises fails the clause; a body that
//!   raises gives the atom `'EXIT'`; the body's value is its last expression's.
//!
//! Patterns and expressions are compiled with explicit work lists and run on explicit
//! stacks, so a long list in a spec never deepens the Rust stack.
//!
//! The subject of a match is usually an object in table memory: values taken from it are
//! "borrowed", and are copied onto the process heap only when they end up in a result
//! (`Val::owned` tracks which values already live there).

use std::collections::HashMap;

use enigma_heap::copy::copy_term;
use enigma_term::{atom, build, compare, map, Atom, Term, VecAlloc};

use crate::bifs::BifFn;
use crate::process::Process;

/// Most variables a clause may use (BEAM's limit is on the variable numbers' value).
const MAX_VARIABLE_NUMBER: i64 = i32::MAX as i64;

/// A value during evaluation: a term and whether it lives on the process heap (or is an
/// immediate), so that putting it in a result needs no copy.
#[derive(Copy, Clone)]
pub struct Val {
    pub t: Term,
    pub owned: bool,
}

impl Val {
    fn new(t: Term, owned: bool) -> Val {
        Val {
            t,
            owned: owned || (!t.is_boxed() && !t.is_cons()),
        }
    }

    /// The term, copied onto `p`'s heap unless it is there already.
    pub fn to_heap(self, p: &mut Process) -> Term {
        if self.owned {
            self.t
        } else {
            copy_term(self.t, &mut p.heap)
        }
    }
}

/// One step of a head pattern, in pre-order.
enum PatOp {
    Any,
    Bind(u32),
    Check(u32),
    Const(Term),
    Tuple(u32),
    Cons,
    /// A map pattern: the map must hold these keys; their values are matched next.
    Map(Vec<Term>),
}

/// One step of an expression program (postfix, with forward jumps for short circuits).
#[derive(Clone)]
enum Op {
    Const(Term),
    Var(u32),
    Obj,
    AllVars,
    Tuple(u32),
    Cons,
    Map(u32),
    Call(BifFn, u32),
    And(u32),
    Or(u32),
    /// `andalso`: pop; `false` → push it and jump; `true` → go on; else fail.
    AndAlso(usize),
    /// `orelse`: pop; `true` → push it and jump; `false` → go on; else fail.
    OrElse(usize),
    SelfPid,
    /// End of one guard: pop; anything but `true` fails the clause.
    Guard,
    /// Drop a body expression's value (all but the last).
    Pop,
    /// A function BEAM has but Enigma does not: evaluation fails.
    Missing,
}

struct Clause {
    head: Term,
    pat: Vec<PatOp>,
    /// Slots in ascending variable-number order (`'$$'`).
    order: Vec<u32>,
    nslots: usize,
    guard: Vec<Op>,
    body: Vec<Op>,
}

/// A compiled match specification.
pub struct MatchSpec {
    clauses: Vec<Clause>,
    /// Whether constants live on the calling process's heap (a spec compiled for one call)
    /// rather than in `area` (a spec kept across calls).
    consts_owned: bool,
    /// Keeps the constants of a kept spec alive.
    _area: Option<VecAlloc>,
    /// The spec as given (in `area` for a kept spec), to recognise an identical one.
    pub source: Term,
}

/// Why a spec does not compile (`badarg` to most callers; `erlang:match_spec_test/3`
/// shows the message, worded as BEAM's where Enigma knows the case).
#[derive(Debug, PartialEq, Eq)]
pub struct BadSpec(pub String);

fn bad(msg: &str) -> BadSpec {
    BadSpec(msg.to_string())
}

/// The special forms of the trace dialect (an error in table match specifications).
const TRACE_FORMS: &[&str] = &[
    "message",
    "return_trace",
    "exception_trace",
    "display",
    "process_dump",
    "enable_trace",
    "disable_trace",
    "trace",
    "caller",
    "caller_line",
    "silent",
    "is_seq_trace",
    "set_seq_token",
    "get_seq_token",
    "get_tcw",
    "set_tcw",
    "set_tcw_fake",
];

/// Keys a match can reach in an ordered set (see [`MatchSpec::key_ranges`]).
pub enum KeyRange {
    Exact(Term),
    /// Tuples of `pattern`'s size starting with `bound`.
    Prefix {
        pattern: Term,
        bound: Vec<Term>,
    },
}

/// What the match of one object produced.
pub enum Outcome {
    NoMatch,
    /// The body's value.
    Value(Val),
    /// The body raised.
    Exit,
}

fn var_number(t: Term) -> Option<i64> {
    let a = t.as_atom()?;
    let name = a.name().as_bytes();
    let (first, rest) = name.split_first()?;
    if *first != b'$' || rest.is_empty() {
        return None;
    }
    if rest == b"0" {
        return Some(0);
    }
    if !matches!(rest.first(), Some(b'1'..=b'9')) {
        return None;
    }
    // BEAM accumulates in a C int; on overflow the number wraps, and a negative one makes
    // the atom an ordinary constant.
    let mut n: i32 = 0;
    for &c in rest {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n.wrapping_mul(10).wrapping_add((c - b'0') as i32);
    }
    (n >= 0)
        .then_some(n as i64)
        .filter(|&n| n <= MAX_VARIABLE_NUMBER)
}

fn is_atom_named(t: Term, name: &str) -> bool {
    t.as_atom().is_some_and(|a| a.name() == name)
}

/// Whether `t` contains a pattern variable (`'$N'` or `'_'`) anywhere.
pub fn has_variable(t: Term) -> bool {
    let mut work = vec![t];
    while let Some(t) = work.pop() {
        if t.is_atom() {
            if is_atom_named(t, "_") || var_number(t).is_some() {
                return true;
            }
        } else if let Some((h, tl)) = t.as_cons() {
            work.push(tl);
            work.push(h);
        } else if let Some(e) = t.as_tuple() {
            work.extend_from_slice(e);
        } else if t.is_map() {
            for (k, v) in map::iter(t) {
                work.push(k);
                work.push(v);
            }
        }
    }
    false
}

/// The address of a list cell or boxed object (`None` for immediates).
fn node_addr(t: Term) -> Option<usize> {
    if t.is_cons() {
        Some(t.cons_ptr() as usize)
    } else if t.is_boxed() {
        Some(t.boxed_ptr() as usize)
    } else {
        None
    }
}

/// Calls `f` on each part of a list cell, tuple or map (stopping when it returns true);
/// whether any call returned true.
fn any_child(t: Term, mut f: impl FnMut(Term) -> bool) -> bool {
    if let Some((h, tl)) = t.as_cons() {
        f(h) || f(tl)
    } else if let Some(e) = t.as_tuple() {
        e.iter().any(|c| f(*c))
    } else if t.is_map() {
        map::iter(t).any(|(k, v)| f(k) || f(v))
    } else {
        false
    }
}

/// A multiplicative hasher for addresses (the memo below hashes millions of them for a
/// long list, where SipHash would dominate).
#[derive(Default, Clone, Copy)]
struct AddrHasher(u64);

impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = ((n as u64) >> 3).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type AddrMap = HashMap<usize, bool, std::hash::BuildHasherDefault<AddrHasher>>;

/// For every list cell and boxed object in `root` (by address), whether it is "impure":
/// itself `compound_impure`, or holding a `leaf_impure` immediate or an impure part.
/// Computed once, bottom-up with a work list, so that asking about every cell of a long
/// list stays linear.
fn impurity(
    root: Term,
    leaf_impure: fn(Term) -> bool,
    compound_impure: fn(Term) -> bool,
) -> AddrMap {
    let mut res = AddrMap::default();
    if node_addr(root).is_none() {
        return res;
    }
    let mut stack = vec![(root, false)];
    while let Some((t, expanded)) = stack.pop() {
        let Some(a) = node_addr(t) else { continue };
        if !expanded {
            if res.contains_key(&a) {
                continue;
            }
            stack.push((t, true));
            any_child(t, |c| {
                if node_addr(c).is_some_and(|ca| !res.contains_key(&ca)) {
                    stack.push((c, false));
                }
                false
            });
        } else {
            let impure = compound_impure(t)
                || any_child(t, |c| match node_addr(c) {
                    Some(ca) => res.get(&ca).copied().unwrap_or(true),
                    None => leaf_impure(c),
                });
            res.insert(a, impure);
        }
    }
    res
}

/// Pattern leaves that are not plain data: `'_'` and variables.
fn pattern_leaf_impure(t: Term) -> bool {
    t.is_atom() && (is_atom_named(t, "_") || var_number(t).is_some())
}

/// Expression leaves that are not plain data: atoms starting with `$`.
fn expr_leaf_impure(t: Term) -> bool {
    t.as_atom().is_some_and(|a| a.name().starts_with('$'))
}

/// Whether `t` (a list cell or boxed object in the term `impure` was computed for) is
/// plain: a pattern that matches only itself, or an expression that is its own value.
fn is_plain(impure: &AddrMap, t: Term) -> bool {
    node_addr(t).is_some_and(|a| !impure.get(&a).copied().unwrap_or(true))
}

/// The variables of one clause: variable number → slot, in first-occurrence order.
#[derive(Default)]
struct Vars {
    numbers: Vec<i64>,
}

impl Vars {
    fn slot(&self, n: i64) -> Option<u32> {
        self.numbers.iter().position(|&x| x == n).map(|i| i as u32)
    }
}

fn compile_pattern(head: Term, vars: &mut Vars) -> Result<Vec<PatOp>, BadSpec> {
    let impure = impurity(head, pattern_leaf_impure, |t| t.is_map());
    let mut ops = Vec::new();
    let mut work = vec![head];
    while let Some(t) = work.pop() {
        if t.is_atom() {
            if is_atom_named(t, "_") {
                ops.push(PatOp::Any);
            } else if let Some(n) = var_number(t) {
                match vars.slot(n) {
                    Some(s) => ops.push(PatOp::Check(s)),
                    None => {
                        vars.numbers.push(n);
                        ops.push(PatOp::Bind((vars.numbers.len() - 1) as u32));
                    }
                }
            } else {
                ops.push(PatOp::Const(t));
            }
        } else if (!t.is_cons() && !t.is_tuple() && !t.is_map()) || is_plain(&impure, t) {
            ops.push(PatOp::Const(t));
        } else if let Some((h, tl)) = t.as_cons() {
            ops.push(PatOp::Cons);
            work.push(tl);
            work.push(h);
        } else if let Some(e) = t.as_tuple() {
            ops.push(PatOp::Tuple(e.len() as u32));
            work.extend(e.iter().rev());
        } else {
            let mut keys = Vec::new();
            let mut vals = Vec::new();
            for (k, v) in map::iter(t) {
                if has_variable(k) {
                    return Err(bad("Map keys in a match pattern must be constants."));
                }
                keys.push(k);
                vals.push(v);
            }
            ops.push(PatOp::Map(keys));
            work.extend(vals.into_iter().rev());
        }
    }
    Ok(ops)
}

/// The guard BIF `name/arity` (the table dialect's list in `erl_db_util.c`).
fn guard_bif(name: &str, arity: usize) -> Option<Op> {
    let ok = matches!(
        (name, arity),
        (
            "is_atom" | "is_float" | "is_integer" | "is_list" | "is_number" | "is_pid" | "is_port",
            1
        ) | (
            "is_reference" | "is_tuple" | "is_map" | "is_binary" | "is_function",
            1
        ) | ("is_record", 3)
            | (
                "abs" | "hd" | "length" | "node" | "round" | "size" | "map_size",
                1
            )
            | (
                "bit_size" | "byte_size" | "tl" | "trunc" | "float" | "bnot" | "not",
                1
            )
            | ("+" | "-", 1 | 2)
            | ("element" | "map_get" | "is_map_key" | "binary_part", 2)
            | ("binary_part", 3)
            | ("node", 0)
            | (
                "*" | "/" | "div" | "rem" | "band" | "bor" | "bxor" | "bsl" | "bsr",
                2
            )
            | (
                ">" | ">=" | "<" | "=<" | "=:=" | "==" | "=/=" | "/=" | "xor",
                2
            )
    );
    if !ok {
        return None;
    }
    let f = Atom::intern(name)
        .ok()
        .and_then(|a| crate::bifs::lookup(atom::ERLANG, a, arity as u32));
    Some(match f {
        Some(f) => Op::Call(f, arity as u32),
        None => Op::Missing,
    })
}

/// Work for the expression compiler.
enum Task {
    Expr(Term),
    Emit(Op),
    /// An `andalso`/`orelse` step jumping to a label.
    Jump(bool, usize),
    Label(usize),
}

fn compile_expr(e: Term, vars: &Vars, code: &mut Vec<Op>) -> Result<(), BadSpec> {
    let impure = impurity(e, expr_leaf_impure, |t| t.is_tuple() || t.is_map());
    let mut work = vec![Task::Expr(e)];
    let mut labels: Vec<usize> = Vec::new();
    // (position in code, label) of jumps to patch.
    let mut jumps: Vec<(usize, usize)> = Vec::new();
    while let Some(task) = work.pop() {
        let t = match task {
            Task::Emit(op) => {
                code.push(op);
                continue;
            }
            Task::Jump(andalso, label) => {
                jumps.push((code.len(), label));
                code.push(if andalso {
                    Op::AndAlso(0)
                } else {
                    Op::OrElse(0)
                });
                continue;
            }
            Task::Label(l) => {
                if let Some(slot) = labels.get_mut(l) {
                    *slot = code.len();
                }
                continue;
            }
            Task::Expr(t) => t,
        };
        if let Some(a) = t.as_atom() {
            match a.name() {
                "$_" => code.push(Op::Obj),
                "$$" => code.push(Op::AllVars),
                _ => match var_number(t) {
                    Some(n) => code
                        .push(Op::Var(vars.slot(n).ok_or_else(|| {
                            BadSpec(format!("Variable ${n} is unbound."))
                        })?)),
                    None => code.push(Op::Const(t)),
                },
            }
        } else if t.is_cons() {
            if is_plain(&impure, t) {
                code.push(Op::Const(t));
                continue;
            }
            // Elements, then the tail, then one Cons per element.
            let mut elems = Vec::new();
            let mut rest = t;
            while let Some((h, tl)) = rest.as_cons() {
                elems.push(h);
                rest = tl;
            }
            for _ in 0..elems.len() {
                work.push(Task::Emit(Op::Cons));
            }
            work.push(Task::Expr(rest));
            for h in elems.into_iter().rev() {
                work.push(Task::Expr(h));
            }
        } else if t.is_map() {
            let pairs: Vec<(Term, Term)> = map::iter(t).collect();
            work.push(Task::Emit(Op::Map(pairs.len() as u32)));
            for (k, v) in pairs.into_iter().rev() {
                work.push(Task::Expr(v));
                work.push(Task::Expr(k));
            }
        } else if let Some(elems) = t.as_tuple() {
            let not_call = || {
                let mut s = String::new();
                enigma_term::print::write_term(&mut s, t);
                BadSpec(format!("{s} is neither a function call, nor a tuple (tuples are written {{{{ ... }}}})."))
            };
            let (first, args) = elems.split_first().ok_or_else(not_call)?;
            if first.is_tuple() && args.is_empty() {
                // {{...}}: build a tuple of the inner tuple's elements.
                let inner = first.as_tuple().unwrap_or(&[]);
                work.push(Task::Emit(Op::Tuple(inner.len() as u32)));
                for x in inner.iter().rev() {
                    work.push(Task::Expr(*x));
                }
                continue;
            }
            let name = first.as_atom().ok_or_else(not_call)?;
            match (name.name(), args.len()) {
                ("const", 1) => code.push(Op::Const(args[0])),
                ("self", 0) => code.push(Op::SelfPid),
                ("and" | "or", n) if n >= 1 => {
                    let and = name.name() == "and";
                    work.push(Task::Emit(if and {
                        Op::And(n as u32)
                    } else {
                        Op::Or(n as u32)
                    }));
                    for x in args.iter().rev() {
                        work.push(Task::Expr(*x));
                    }
                }
                ("andalso" | "andthen" | "orelse", n) if n >= 1 => {
                    let andalso = name.name() != "orelse";
                    let label = labels.len();
                    labels.push(0);
                    work.push(Task::Label(label));
                    let (last, init) = args
                        .split_last()
                        .ok_or_else(|| bad("Special form called without arguments."))?;
                    work.push(Task::Expr(*last));
                    for x in init.iter().rev() {
                        work.push(Task::Jump(andalso, label));
                        work.push(Task::Expr(*x));
                    }
                }
                (n, arity) => {
                    if TRACE_FORMS.contains(&n) {
                        return Err(BadSpec(format!(
                            "Special form '{n}' used in wrong dialect."
                        )));
                    }
                    let op = guard_bif(n, arity)
                        .ok_or_else(|| BadSpec(format!("Function {n}/{arity} does_not_exist.")))?;
                    work.push(Task::Emit(op));
                    for x in args.iter().rev() {
                        work.push(Task::Expr(*x));
                    }
                }
            }
        } else {
            code.push(Op::Const(t));
        }
    }
    for (at, label) in jumps {
        let target = labels
            .get(label)
            .copied()
            .ok_or_else(|| bad("internal error"))?;
        if let Some(op) = code.get_mut(at) {
            *op = match op {
                Op::AndAlso(_) => Op::AndAlso(target),
                _ => Op::OrElse(target),
            };
        }
    }
    Ok(())
}

fn compile_clause(c: Term) -> Result<Clause, BadSpec> {
    let arity3 = || bad("Match program part is not a tuple of arity 3.");
    let parts = c.as_tuple().ok_or_else(arity3)?;
    let [head, guards, body] = parts else {
        return Err(arity3());
    };
    let mut vars = Vars::default();
    let pat = compile_pattern(*head, &mut vars)?;
    let not_list = || bad("Match expression is not a list.");
    let guards = build::list_to_vec(*guards).ok_or_else(not_list)?;
    let body = build::list_to_vec(*body).ok_or_else(not_list)?;
    if body.is_empty() {
        return Err(bad("Match body is empty."));
    }
    let mut guard = Vec::new();
    for g in guards {
        compile_expr(g, &vars, &mut guard)?;
        guard.push(Op::Guard);
    }
    let mut code = Vec::new();
    for (i, b) in body.iter().enumerate() {
        if i > 0 {
            code.push(Op::Pop);
        }
        compile_expr(*b, &vars, &mut code)?;
    }
    let mut order: Vec<u32> = (0..vars.numbers.len() as u32).collect();
    order.sort_by_key(|&s| vars.numbers.get(s as usize).copied().unwrap_or(0));
    Ok(Clause {
        head: *head,
        pat,
        order,
        nslots: vars.numbers.len(),
        guard,
        body: code,
    })
}

impl MatchSpec {
    /// Compiles `ms` for use during one call: it refers to `ms`'s terms where they are (on
    /// the caller's heap or in a literal area), which must stay put meanwhile.
    pub fn compile(ms: Term) -> Result<MatchSpec, BadSpec> {
        Self::compile_in(ms, true, None)
    }

    /// Compiles a private copy of `ms`, for a spec that outlives the call (compiled specs,
    /// select continuations).
    pub fn compile_kept(ms: Term) -> Result<MatchSpec, BadSpec> {
        let mut area = VecAlloc::new();
        let copy = copy_term(ms, &mut area);
        Self::compile_in(copy, false, Some(area))
    }

    fn compile_in(
        ms: Term,
        consts_owned: bool,
        area: Option<VecAlloc>,
    ) -> Result<MatchSpec, BadSpec> {
        if !ms.is_list() {
            return Err(bad("Match programs are not in a list."));
        }
        let list = build::list_to_vec(ms)
            .ok_or_else(|| bad("Match programs are not in a proper list."))?;
        let clauses = list
            .into_iter()
            .map(compile_clause)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(MatchSpec {
            clauses,
            consts_owned,
            _area: area,
            source: ms,
        })
    }

    /// The spec of `ets:match(T, Pattern)` (`all_vars`) or `match_object` (the object).
    pub fn from_pattern(pattern: Term, all_vars: bool) -> Result<MatchSpec, BadSpec> {
        let mut vars = Vars::default();
        let pat = compile_pattern(pattern, &mut vars)?;
        let mut order: Vec<u32> = (0..vars.numbers.len() as u32).collect();
        order.sort_by_key(|&s| vars.numbers.get(s as usize).copied().unwrap_or(0));
        let body = vec![if all_vars { Op::AllVars } else { Op::Obj }];
        let clause = Clause {
            head: pattern,
            pat,
            order,
            nslots: vars.numbers.len(),
            guard: Vec::new(),
            body,
        };
        Ok(MatchSpec {
            clauses: vec![clause],
            consts_owned: true,
            _area: None,
            source: Term::NIL,
        })
    }

    /// The keys a match must look at, if every clause binds the key at `keypos` to a
    /// constant (in clause order, duplicates kept); `None` when some clause needs a full
    /// traversal. Clauses whose head cannot match a tuple with that key add nothing.
    pub fn bound_keys(&self, keypos: usize) -> Option<Vec<Term>> {
        let mut keys = Vec::new();
        for c in &self.clauses {
            if is_atom_named(c.head, "_") || var_number(c.head).is_some() {
                return None;
            }
            let Some(k) = c
                .head
                .as_tuple()
                .and_then(|e| e.get(keypos.wrapping_sub(1)))
            else {
                continue;
            };
            if has_variable(*k) {
                return None;
            }
            keys.push(*k);
        }
        Some(keys)
    }

    /// For ordered sets: the key runs a match must look at, when every clause's key is a
    /// constant or a tuple with bound leading elements (`{user, '_'}`); `None` when some
    /// clause needs a full traversal.
    pub fn key_ranges(&self, keypos: usize) -> Option<Vec<KeyRange>> {
        let mut out = Vec::new();
        for c in &self.clauses {
            if is_atom_named(c.head, "_") || var_number(c.head).is_some() {
                return None;
            }
            let Some(k) = c
                .head
                .as_tuple()
                .and_then(|e| e.get(keypos.wrapping_sub(1)))
                .copied()
            else {
                continue;
            };
            if !has_variable(k) {
                out.push(KeyRange::Exact(k));
                continue;
            }
            let elems = k.as_tuple()?;
            let bound: Vec<Term> = elems
                .iter()
                .take_while(|e| !has_variable(**e))
                .copied()
                .collect();
            if bound.is_empty() {
                return None;
            }
            out.push(KeyRange::Prefix { pattern: k, bound });
        }
        Some(out)
    }

    /// Whether every clause's head is a tuple whose key is bound to the same constant
    /// (BEAM's "key bound" case for ordered sets), and that key.
    pub fn single_bound_key(&self, keypos: usize) -> Option<Term> {
        let keys = self.bound_keys(keypos)?;
        if keys.len() != self.clauses.len() {
            return None;
        }
        let (first, rest) = keys.split_first()?;
        rest.iter()
            .all(|k| compare::equal(*k, *first))
            .then_some(*first)
    }

    /// For `select_replace/2`: whether every clause keeps the object's key (BEAM's
    /// `db_match_keeps_key`).
    pub fn keeps_key(&self, ms: Term, keypos: usize) -> bool {
        let Some(list) = build::list_to_vec(ms) else {
            return false;
        };
        list.iter().all(|c| {
            let Some([head, _, body]) = c.as_tuple() else {
                return false;
            };
            keeps_key(keypos, *head, *body)
        })
    }

    /// A runner with scratch space for matching many objects.
    pub fn runner(&self) -> Runner<'_> {
        Runner {
            spec: self,
            vars: Vec::new(),
            pstack: Vec::new(),
            estack: Vec::new(),
        }
    }
}

/// Runs one spec against objects, reusing its scratch stacks.
pub struct Runner<'a> {
    spec: &'a MatchSpec,
    vars: Vec<Val>,
    pstack: Vec<Term>,
    estack: Vec<Val>,
}

impl Runner<'_> {
    /// Runs the spec against `subject`; `subject_owned` says whether the subject lives on
    /// the process heap (match_spec_run) rather than in a table.
    pub fn run(&mut self, p: &mut Process, subject: Term, subject_owned: bool) -> Outcome {
        for c in &self.spec.clauses {
            self.vars.clear();
            self.vars.resize(
                c.nslots,
                Val {
                    t: Term::NIL,
                    owned: true,
                },
            );
            if !match_pattern(
                &c.pat,
                subject,
                subject_owned,
                &mut self.vars,
                &mut self.pstack,
            ) {
                continue;
            }
            let env = Env {
                vars: &self.vars,
                order: &c.order,
                subject,
                subject_owned,
                consts_owned: self.spec.consts_owned,
            };
            if !c.guard.is_empty() && eval(p, &c.guard, &env, &mut self.estack, false).is_err() {
                continue;
            }
            return match eval(p, &c.body, &env, &mut self.estack, true) {
                Ok(Some(v)) => Outcome::Value(v),
                _ => Outcome::Exit,
            };
        }
        Outcome::NoMatch
    }
}

fn match_pattern(
    pat: &[PatOp],
    subject: Term,
    owned: bool,
    vars: &mut [Val],
    stack: &mut Vec<Term>,
) -> bool {
    stack.clear();
    stack.push(subject);
    for op in pat {
        let Some(t) = stack.pop() else { return false };
        match op {
            PatOp::Any => {}
            PatOp::Bind(s) => {
                if let Some(v) = vars.get_mut(*s as usize) {
                    *v = Val::new(t, owned);
                }
            }
            PatOp::Check(s) => {
                if !vars.get(*s as usize).is_some_and(|v| compare::eq(v.t, t)) {
                    return false;
                }
            }
            PatOp::Const(c) => {
                if !compare::eq(*c, t) {
                    return false;
                }
            }
            PatOp::Tuple(n) => match t.as_tuple() {
                Some(e) if e.len() == *n as usize => stack.extend(e.iter().rev()),
                _ => return false,
            },
            PatOp::Cons => match t.as_cons() {
                Some((h, tl)) => {
                    stack.push(tl);
                    stack.push(h);
                }
                None => return false,
            },
            PatOp::Map(keys) => {
                if !t.is_map() {
                    return false;
                }
                let mut vals = Vec::with_capacity(keys.len());
                for k in keys {
                    match map::get(t, *k) {
                        Some(v) => vals.push(v),
                        None => return false,
                    }
                }
                stack.extend(vals.into_iter().rev());
            }
        }
    }
    true
}

struct Env<'a> {
    vars: &'a [Val],
    order: &'a [u32],
    subject: Term,
    subject_owned: bool,
    consts_owned: bool,
}

/// The atom `'EXIT'`, what a failing call gives inside a body.
fn exit_atom() -> Term {
    Term::atom(atom::EXIT_UPPER)
}

/// Evaluates a program; `Err` when a guard failed or (outside a body) something raised.
/// In a body (`catch`), a call that raises gives `'EXIT'` and evaluation goes on, as in
/// BEAM's match programs.
fn eval(
    p: &mut Process,
    code: &[Op],
    env: &Env<'_>,
    stack: &mut Vec<Val>,
    catch: bool,
) -> Result<Option<Val>, ()> {
    stack.clear();
    let fail = |stack: &mut Vec<Val>| -> Result<(), ()> {
        if catch {
            stack.push(Val::new(exit_atom(), true));
            Ok(())
        } else {
            Err(())
        }
    };
    let mut pc = 0;
    while let Some(op) = code.get(pc) {
        pc += 1;
        match op {
            Op::Const(t) => stack.push(Val::new(*t, env.consts_owned)),
            Op::Var(s) => stack.push(env.vars.get(*s as usize).copied().ok_or(())?),
            Op::Obj => stack.push(Val::new(env.subject, env.subject_owned)),
            Op::AllVars => {
                let elems: Vec<Term> = env
                    .order
                    .iter()
                    .filter_map(|&s| env.vars.get(s as usize))
                    .map(|v| v.to_heap(p))
                    .collect();
                let l = build::list(&mut p.heap, &elems);
                stack.push(Val::new(l, true));
            }
            Op::Tuple(n) => {
                let elems = pop_n(stack, *n as usize)?;
                let terms: Vec<Term> = elems.into_iter().map(|v| v.to_heap(p)).collect();
                let t = build::tuple(&mut p.heap, &terms);
                stack.push(Val::new(t, true));
            }
            Op::Cons => {
                let tl = stack.pop().ok_or(())?;
                let h = stack.pop().ok_or(())?;
                let (h, tl) = (h.to_heap(p), tl.to_heap(p));
                let c = build::cons(&mut p.heap, h, tl);
                stack.push(Val::new(c, true));
            }
            Op::Map(n) => {
                let kvs = pop_n(stack, 2 * *n as usize)?;
                let terms: Vec<Term> = kvs.into_iter().map(|v| v.to_heap(p)).collect();
                let pairs: Vec<(Term, Term)> =
                    terms.chunks_exact(2).map(|c| (c[0], c[1])).collect();
                let m = map::from_pairs(&mut p.heap, pairs);
                stack.push(Val::new(m, true));
            }
            Op::Call(f, n) => {
                let args = pop_n(stack, *n as usize)?;
                let owned = args.iter().all(|a| a.owned);
                let terms: Vec<Term> = args.iter().map(|a| a.t).collect();
                match f(p, &terms) {
                    Ok(r) => stack.push(Val::new(r, owned)),
                    Err(_) => fail(stack)?,
                }
            }
            Op::And(n) | Op::Or(n) => {
                let args = pop_n(stack, *n as usize)?;
                let and = matches!(op, Op::And(_));
                let mut acc = and;
                let mut bad = false;
                for a in args {
                    match as_bool(a.t) {
                        Ok(b) => acc = if and { acc && b } else { acc || b },
                        Err(()) => bad = true,
                    }
                }
                if bad {
                    fail(stack)?;
                } else {
                    stack.push(Val::new(Term::bool(acc), true));
                }
            }
            Op::AndAlso(target) | Op::OrElse(target) => {
                let v = stack.pop().ok_or(())?;
                let stop_on = !matches!(op, Op::AndAlso(_));
                match as_bool(v.t) {
                    Ok(b) if b == stop_on => {
                        stack.push(v);
                        pc = *target;
                    }
                    Ok(_) => {}
                    Err(()) => {
                        fail(stack)?;
                        pc = *target;
                    }
                }
            }
            Op::SelfPid => stack.push(Val::new(p.pid, true)),
            Op::Guard => {
                let v = stack.pop().ok_or(())?;
                if v.t != Term::TRUE {
                    return Err(());
                }
            }
            Op::Pop => {
                stack.pop();
            }
            Op::Missing => fail(stack)?,
        }
    }
    Ok(stack.pop())
}

fn pop_n(stack: &mut Vec<Val>, n: usize) -> Result<Vec<Val>, ()> {
    let at = stack.len().checked_sub(n).ok_or(())?;
    Ok(stack.split_off(at))
}

fn as_bool(t: Term) -> Result<bool, ()> {
    if t == Term::TRUE {
        Ok(true)
    } else if t == Term::FALSE {
        Ok(false)
    } else {
        Err(())
    }
}

/// BEAM's `db_match_keeps_key`: the body is `['$_']`, or one tuple construction
/// (`{{...}}` or `{const, {...}}`) whose key is the head's key or `{element, KeyPos, '$_'}`.
fn keeps_key(keypos: usize, head: Term, body: Term) -> bool {
    let Some((single, rest)) = body.as_cons() else {
        return false;
    };
    if rest != Term::NIL {
        return false;
    }
    if is_atom_named(single, "$_") {
        return true;
    }
    let Some(st) = single.as_tuple() else {
        return false;
    };
    let Some(match_key) = head
        .as_tuple()
        .and_then(|e| e.get(keypos.wrapping_sub(1)))
        .copied()
    else {
        return false;
    };
    let (sub, const_mode) = match st {
        [c, x] if is_atom_named(*c, "const") => (*x, true),
        [x] => (*x, false),
        _ => return false,
    };
    let Some(body_key) = sub
        .as_tuple()
        .and_then(|e| e.get(keypos.wrapping_sub(1)))
        .copied()
    else {
        return false;
    };
    if eq_body(match_key, body_key, const_mode) {
        return true;
    }
    if const_mode {
        return false;
    }
    matches!(body_key.as_tuple(), Some([f, k, o]) if is_atom_named(*f, "element")
        && k.as_small() == Some(keypos as i64) && is_atom_named(*o, "$_"))
}

/// BEAM's `db_match_eq_body`: whether constructing `b` always gives what matched `a`.
fn eq_body(a: Term, b: Term, const_mode: bool) -> bool {
    let mut work = vec![(a, b, const_mode)];
    while let Some((a, mut b, mut cm)) = work.pop() {
        if let Some((bh, bt)) = b.as_cons() {
            let Some((ah, at)) = a.as_cons() else {
                return false;
            };
            work.push((at, bt, cm));
            work.push((ah, bh, cm));
            continue;
        }
        if b.is_tuple() {
            if !cm {
                match b.as_tuple() {
                    Some([inner]) if inner.is_tuple() => b = *inner,
                    Some([c, x]) if is_atom_named(*c, "const") => {
                        work.push((a, *x, true));
                        continue;
                    }
                    _ => return false,
                }
                cm = false;
            }
            let (Some(ae), Some(be)) = (a.as_tuple(), b.as_tuple()) else {
                return false;
            };
            if ae.len() != be.len() {
                return false;
            }
            for (x, y) in ae.iter().zip(be).rev() {
                work.push((*x, *y, cm));
            }
            continue;
        }
        if b.is_map() {
            return false;
        }
        if b.is_boxed() {
            if !compare::eq(a, b) {
                return false;
            }
            continue;
        }
        if a != b
            || is_atom_named(a, "_")
            || is_atom_named(a, "$$")
            || is_atom_named(a, "$_")
            || (cm && var_number(a).is_some())
        {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn proc() -> Process {
        crate::test_util::test_process()
    }

    fn a(s: &str) -> Term {
        Term::atom(Atom::intern(s).unwrap_or(atom::UNDEFINED))
    }

    #[test]
    fn variables_and_guards() {
        let mut p = proc();
        let h = &mut p.heap;
        let head = build::tuple(h, &[a("$1"), a("_"), a("$2")]);
        let gt = build::tuple(h, &[a(">"), a("$1"), Term::small(1)]);
        let guards = build::list(h, &[gt]);
        let res = build::tuple(h, &[a("$2"), a("$1")]);
        let res = build::tuple(h, &[res]);
        let body = build::list(h, &[res]);
        let clause = build::tuple(h, &[head, guards, body]);
        let ms = build::list(h, &[clause]);
        let spec = MatchSpec::compile(ms).ok().unwrap_or_else(|| MatchSpec {
            clauses: vec![],
            consts_owned: true,
            _area: None,
            source: Term::NIL,
        });
        assert_eq!(spec.clauses.len(), 1);
        let obj = build::tuple(&mut p.heap, &[Term::small(5), a("x"), a("y")]);
        match spec.runner().run(&mut p, obj, true) {
            Outcome::Value(v) => {
                let e = v.t.as_tuple().map(|e| e.to_vec()).unwrap_or_default();
                assert_eq!(e, vec![a("y"), Term::small(5)]);
            }
            _ => panic!("no match"),
        }
        let obj = build::tuple(&mut p.heap, &[Term::small(0), a("x"), a("y")]);
        assert!(matches!(
            spec.runner().run(&mut p, obj, true),
            Outcome::NoMatch
        ));
    }

    #[test]
    fn variable_names() {
        assert_eq!(var_number(a("$0")), Some(0));
        assert_eq!(var_number(a("$12")), Some(12));
        assert_eq!(var_number(a("$01")), None);
        assert_eq!(var_number(a("$a")), None);
        assert_eq!(var_number(a("$")), None);
        assert_eq!(var_number(a("$2147483648")), None);
    }

    #[test]
    fn bad_specs() {
        let mut p = proc();
        let h = &mut p.heap;
        let head = build::tuple(h, &[a("$1")]);
        let body = build::list(h, &[a("$2")]);
        let clause = build::tuple(h, &[head, Term::NIL, body]);
        let ms = build::list(h, &[clause]);
        assert!(MatchSpec::compile(ms).is_err());
        let clause = build::tuple(h, &[head, Term::NIL, Term::NIL]);
        let ms = build::list(h, &[clause]);
        assert!(MatchSpec::compile(ms).is_err());
    }
}
