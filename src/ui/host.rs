//! The link between the widget and the page it lives in: events out, commands in.

use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use yew::Callback;

pub use crate::walk::command::Command;
use crate::walk::command::Pending;

/// Carries commands to the walker and its latest token back. Commands sent before a walker
/// is listening (while the guide loads) wait, as what they add up to ([`Pending`]).
#[derive(Default)]
pub struct Bus {
    pending: RefCell<Pending>,
    listener: RefCell<Option<Callback<Command>>>,
    token: RefCell<Option<String>>,
}

impl Bus {
    /// Sends a command now, or when a walker starts listening.
    pub fn send(&self, command: Command) {
        let listener = self.listener.borrow().clone();
        match listener {
            Some(cb) => cb.emit(command),
            None => self.pending.borrow_mut().push(command),
        }
    }

    /// Starts (or, with `None`, stops) delivering commands to `listener`; queued ones go first.
    pub fn listen(&self, listener: Option<Callback<Command>>) {
        *self.listener.borrow_mut() = listener.clone();
        if let Some(cb) = listener {
            // Taken out before any is carried out: a command may send another.
            let queued = self.pending.take();
            for c in queued.into_commands() {
                cb.emit(c);
            }
        }
    }

    /// The token of the walk on screen, if a guide is shown.
    pub fn token(&self) -> Option<String> {
        self.token.borrow().clone()
    }

    /// Records the token of the walk on screen.
    pub fn set_token(&self, token: Option<String>) {
        *self.token.borrow_mut() = token;
    }
}

/// The page the widget lives in: the element that receives events, and the command bus.
#[derive(Clone, Default)]
pub struct Host {
    /// The element events are dispatched on (the `<step-guide>` element).
    pub element: Option<HtmlElement>,
    /// Commands in, state out.
    pub bus: Rc<Bus>,
}

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        self.element == other.element && Rc::ptr_eq(&self.bus, &other.bus)
    }
}

impl Host {
    /// Dispatches `stepguide:<name>` on the host element, bubbling and composed so it
    /// crosses the shadow root, with `detail` as a plain object.
    pub fn emit(&self, name: &str, detail: Detail) {
        let Some(el) = &self.element else { return };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail.0);
        if let Ok(event) =
            CustomEvent::new_with_event_init_dict(&format!("stepguide:{name}"), &init)
        {
            let _ = el.dispatch_event(&event);
        }
    }
}

/// An event's `detail`: a plain object built field by field. Built directly rather than
/// through a JSON value, which kept a JSON writer in the wasm only for these few fields.
pub struct Detail(Object);

impl Detail {
    /// An empty object.
    pub fn new() -> Detail {
        Detail(Object::new())
    }

    /// Adds a string field.
    pub fn text(self, key: &str, value: &str) -> Detail {
        self.set(key, &JsValue::from_str(value))
    }

    /// Adds a number field.
    pub fn number(self, key: &str, value: usize) -> Detail {
        self.set(key, &JsValue::from_f64(value as f64))
    }

    /// Adds an array-of-strings field.
    pub fn texts<'a>(self, key: &str, values: impl IntoIterator<Item = &'a str>) -> Detail {
        let array: Array = values.into_iter().map(JsValue::from_str).collect();
        self.set(key, &array)
    }

    fn set(self, key: &str, value: &JsValue) -> Detail {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&self.0, &JsValue::from_str(key), value);
        self
    }
}

impl Default for Detail {
    fn default() -> Self {
        Detail::new()
    }
}
