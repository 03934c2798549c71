// The floor: a hand-written JavaScript page that shows the same first step as the widget, and
// moves to the next step on a click. The benchmark compares the widget's times with this page.
const steps = [
  { title: "Which iOS is on your iPhone?", text: "While this alert shows, your iPhone can't send or receive iMessages, the blue bubbles.", answers: ["iOS 18 or later", "iOS 17 or earlier"] },
  { title: "Is iMessage switched on?", text: "Open Settings > Apps > Messages.", answers: ["It's off (grey)", "It's on (green)"] },
];
const root = document.getElementById("app");
let index = 0;
function render() {
  const s = steps[index % steps.length];
  const section = document.createElement("section");
  const h = document.createElement("h2");
  h.className = "sg-title";
  h.tabIndex = -1;
  h.textContent = s.title;
  const p = document.createElement("p");
  p.textContent = s.text;
  section.append(h, p);
  for (const a of s.answers) {
    const b = document.createElement("button");
    b.textContent = a;
    b.addEventListener("click", () => { index++; render(); });
    section.append(b);
  }
  root.replaceChildren(section);
  if (index > 0) h.focus();
}
render();
performance.mark("stepguide:interactive");
