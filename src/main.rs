//! Entry point of the web build: mounts Tend's root component on the page's body.

fn main() {
    yew::Renderer::<tend::App>::new().render();
}
