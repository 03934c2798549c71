//! Work that can wait until the screen has been painted: on a slow phone every millisecond
//! spent in a click's handler is a millisecond before the person sees the next step.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The longest `after_paint` waits for a frame: a hidden page (the person switched to
/// Settings) draws none, and a walk must be saved before the phone may end the page.
const AT_MOST_MS: i32 = 100;

/// Work to run once, by whichever of its triggers comes first.
type Work = Rc<RefCell<Option<Box<dyn FnOnce()>>>>;

fn run(work: &Work) {
    let taken = work.borrow_mut().take();
    if let Some(w) = taken {
        w();
    }
}

/// Runs `work` once, after the next paint (a task queued at the next animation frame), or
/// after 100 ms where no frame comes, or as soon as the page is hidden (a phone may end a
/// hidden page, and timers there wait a second or more); where there is no window, now.
pub fn after_paint(job: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return job();
    };
    let work: Work = Rc::new(RefCell::new(None));
    let listener = window.document().map(|document| {
        let work = Rc::clone(&work);
        let f = Closure::<dyn Fn()>::new(move || run(&work)).into_js_value();
        let _ = document.add_event_listener_with_callback("visibilitychange", f.unchecked_ref());
        (document, f)
    });
    // Whichever comes first runs the work, and takes the page's listener away.
    *work.borrow_mut() = Some(Box::new(move || {
        if let Some((document, f)) = listener {
            let _ =
                document.remove_event_listener_with_callback("visibilitychange", f.unchecked_ref());
        }
        job()
    }));
    let (late, queued) = (Rc::clone(&work), window.clone());
    let frame = Closure::once_into_js(move || {
        let task = Closure::once_into_js(move || run(&late));
        let _ = queued.set_timeout_with_callback(task.unchecked_ref());
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
    let fallback = Closure::once_into_js(move || run(&work));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        AT_MOST_MS,
    );
}

/// Runs `work` at the next animation frame, just before the paint: focus moved there is on
/// the first frame that shows the new step, and the layout that moving focus forces is the
/// frame's own instead of a second one inside the click's handler. Where no frame comes (a
/// hidden page), after 100 ms; where there is no window, now.
pub fn before_paint(work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return work();
    };
    let work: Work = Rc::new(RefCell::new(Some(Box::new(work))));
    let frame = {
        let work = Rc::clone(&work);
        Closure::once_into_js(move || run(&work))
    };
    let _ = window.request_animation_frame(frame.unchecked_ref());
    let fallback = Closure::once_into_js(move || run(&work));
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
        fallback.unchecked_ref(),
        AT_MOST_MS,
    );
}
