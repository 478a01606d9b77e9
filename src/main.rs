//! Entry point of the web build: mounts Tend's root component on `#app` (or the body, if `#app`
//! is missing), in place of the static first screen `index.html` shows while the app loads. The
//! app starts after that screen has been painted once, so it is seen even when the app arrives at
//! once. The release page's loader already fetches the wasm only after that paint
//! (`scripts/loader.mjs`); waiting here as well still matters where the loader gave up waiting
//! (a hidden tab, no paint timing) and in debug builds, and it keeps the wasm's start and the first
//! draw in two browser tasks rather than one long one.

fn main() {
    tend::platform::after_first_paint(|| {
        tend::platform::remove_shell();
        match tend::platform::app_root() {
            Some(root) => yew::Renderer::<tend::App>::with_root(root).render(),
            None => yew::Renderer::<tend::App>::new().render(),
        };
    });
}
