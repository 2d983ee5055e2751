// SPDX-License-Identifier: Apache-2.0
// WAI-ARIA tabs: arrow keys, Home and End move between tabs; views hear "tabshown".
const shownListeners: ((view: string) => void)[] = [];

export function onTabShown(listener: (view: string) => void): void {
  shownListeners.push(listener);
}

export function showTab(tab: HTMLElement, focus = false): void {
  const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute("aria-selected", String(selected));
    t.tabIndex = selected ? 0 : -1;
    document.getElementById(t.getAttribute("aria-controls")!)!.hidden = !selected;
  }
  if (focus) tab.focus();
  const view = tab.getAttribute("aria-controls")!;
  for (const l of shownListeners) l(view);
}

export function showView(view: string): void {
  const tab = document.querySelector<HTMLElement>(`[role="tab"][aria-controls="${view}"]`);
  if (tab) showTab(tab);
}

export function isShown(view: string): boolean {
  return !document.getElementById(view)!.hidden;
}

export function initTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')];
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => showTab(tab));
    tab.addEventListener("keydown", (e) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      showTab(tabs[(next + tabs.length) % tabs.length], true);
    });
  });
}
