//! Entry point of the web build: mounts Tend's root component on the page's body, in place of
//! the static first screen `index.html` shows while the app loads.

fn main() {
    tend::platform::remove_shell();
    yew::Renderer::<tend::App>::new().render();
}
