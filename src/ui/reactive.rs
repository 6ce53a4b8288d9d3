//! Leptos signals and memos with their value type erased, so that the
//! reactive machinery is compiled once for the whole widget.
//!
//! # Why?
//!
//! `RwSignal<T>` and `Memo<T>` compile Leptos's graph code (reading,
//! tracking, comparing, updating, dropping) once per value type `T`: about
//! 1.5 KB of wasm per type, for the twenty-odd types the widget derives.
//! [`Source<T>`] and [`Derived<T>`] keep every value in an
//! `Arc<dyn Any + Send + Sync>`, so Leptos sees one type; only the typed
//! shell here (a downcast, a comparison) is compiled per `T`.
//!
//! Reads give an `Arc<T>` (no copy of the value); writes store a new one.
//! Both are tracked like Leptos's own, and disposed with their owner.
//!
//! ```
//! use leptos::prelude::*;
//! use news_timeline::ui::reactive::{Derived, Source};
//!
//! let owner = Owner::new();
//! owner.set();
//! let count = Source::new(2);
//! let double = Derived::new(move |_| *count.read() * 2);
//! count.set(5);
//! assert_eq!(*double.read_untracked(), 10);
//! ```

use leptos::prelude::*;
use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

/// A value of some type, as Leptos holds it.
type Erased = Arc<dyn Any + Send + Sync>;

/// A computation as [`Derived`] boxes it: one closure type for all.
type Computation = Box<dyn Fn(Option<&Erased>) -> Erased + Send + Sync>;

/// The `T` in `value`. Every [`Source<T>`] and [`Derived<T>`] is made
/// with, and only ever given, values of type `T`, so the cast holds.
fn typed<T: Send + Sync + 'static>(value: Erased) -> Arc<T> {
    match value.downcast::<T>() {
        Ok(value) => value,
        Err(_) => unreachable!("a reactive value holds another type than its own"),
    }
}

/// A writable signal holding a `T`.
pub struct Source<T> {
    signal: RwSignal<Erased>,
    value_type: PhantomData<fn() -> T>,
}

impl<T> Clone for Source<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Source<T> {}

impl<T: Send + Sync + 'static> Source<T> {
    /// A signal holding `value`, owned by the current owner.
    pub fn new(value: T) -> Source<T> {
        Source {
            signal: RwSignal::new(Arc::new(value)),
            value_type: PhantomData,
        }
    }

    /// The value; whatever reads it reruns when it changes.
    pub fn read(&self) -> Arc<T> {
        typed(self.signal.get())
    }

    /// The value, without tracking (for handlers and the JS API).
    pub fn read_untracked(&self) -> Arc<T> {
        typed(self.signal.get_untracked())
    }

    /// The value, `None` once the owner is disposed.
    pub fn try_read_untracked(&self) -> Option<Arc<T>> {
        self.signal.try_get_untracked().map(typed)
    }

    /// `look` at the value, tracked.
    pub fn with<R>(&self, look: impl FnOnce(&T) -> R) -> R {
        look(&self.read())
    }

    /// `look` at the value, untracked.
    pub fn with_untracked<R>(&self, look: impl FnOnce(&T) -> R) -> R {
        look(&self.read_untracked())
    }

    /// Replaces the value (everything that read it reruns).
    pub fn set(&self, value: T) {
        self.signal.set(Arc::new(value));
    }
}

impl<T: Clone + Send + Sync + 'static> Source<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        T::clone(&self.read())
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        T::clone(&self.read_untracked())
    }

    /// Changes the value with `change` (a copy is changed and stored).
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let mut value = self.get_untracked();
        change(&mut value);
        self.set(value);
    }
}

/// A memo of a `T`: computed when read after a change of what it read,
/// and a change for its readers only when the new value differs.
pub struct Derived<T> {
    memo: Memo<Erased>,
    value_type: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

impl<T: Send + Sync + 'static> Derived<T> {
    /// A memo of `compute`, which gets the previous value (`None` the
    /// first time); a value equal to the previous one changes nothing.
    pub fn new(compute: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Derived<T>
    where
        T: PartialEq,
    {
        Derived::erased(
            Box::new(move |previous: Option<&Erased>| {
                let previous = previous.and_then(|p| p.downcast_ref::<T>());
                Arc::new(compute(previous)) as Erased
            }),
            changed::<T>,
        )
    }

    /// A memo of shared data: a new `Arc` is a change, the same one is not
    /// (comparing 100,000 events by value would cost more than computing).
    pub fn shared(compute: impl Fn() -> Arc<T> + Send + Sync + 'static) -> Derived<T> {
        Derived::erased(
            Box::new(move |_: Option<&Erased>| compute() as Erased),
            |old, new| !matches!((old, new), (Some(a), Some(b)) if Arc::ptr_eq(a, b)),
        )
    }

    fn erased(compute: Computation, changed: fn(Option<&Erased>, Option<&Erased>) -> bool) -> Self {
        Derived {
            memo: Memo::new_with_compare(compute, changed),
            value_type: PhantomData,
        }
    }

    /// The value; whatever reads it reruns when it changes.
    pub fn read(&self) -> Arc<T> {
        typed(self.memo.get())
    }

    /// The value, without tracking.
    pub fn read_untracked(&self) -> Arc<T> {
        typed(self.memo.get_untracked())
    }

    /// `look` at the value, tracked.
    pub fn with<R>(&self, look: impl FnOnce(&T) -> R) -> R {
        look(&self.read())
    }

    /// `look` at the value, untracked.
    pub fn with_untracked<R>(&self, look: impl FnOnce(&T) -> R) -> R {
        look(&self.read_untracked())
    }
}

impl<T: Clone + Send + Sync + 'static> Derived<T> {
    /// A copy of the value, tracked.
    pub fn get(&self) -> T {
        T::clone(&self.read())
    }

    /// A copy of the value, untracked.
    pub fn get_untracked(&self) -> T {
        T::clone(&self.read_untracked())
    }
}

/// Whether a new value of a [`Derived::new`] memo differs from the old.
fn changed<T: PartialEq + 'static>(old: Option<&Erased>, new: Option<&Erased>) -> bool {
    let old = old.and_then(|v| v.downcast_ref::<T>());
    let new = new.and_then(|v| v.downcast_ref::<T>());
    !matches!((old, new), (Some(a), Some(b)) if a == b)
}
