/*
 * Focus left on an element that leaves the page, or that is disabled while an edit saves, falls
 * back to the top of the page: a keyboard user then has to tab through the whole console again to
 * find their place. The designer moves focus somewhere sensible instead.
 *
 * Markup these functions rely on: an item of a list has `data-item="<kind>"`, its remove control
 * `data-remove`, and a title that can take focus (`tabIndex={-1}`) `data-item-heading`; a panel's
 * heading is the `h2` of its section.
 */

const focusable = (element: Element | null | undefined): element is HTMLElement =>
  element instanceof HTMLElement && element.isConnected && !element.matches(':disabled, [aria-disabled="true"]');

/** The element inside `item` matching `selector`, not one of an item nested in it (a credential of a stage). */
function own(item: HTMLElement, selector: string): HTMLElement | undefined {
  return [...item.querySelectorAll<HTMLElement>(selector)].find((element) => element.closest('[data-item]') === item);
}

/** Where a keyboard user is oriented next to `element`: the title of the item around it, else its panel's heading. */
function headingNear(element: Element): HTMLElement | null {
  for (let item = element.parentElement?.closest<HTMLElement>('[data-item]'); item; item = item.parentElement?.closest<HTMLElement>('[data-item]')) {
    const heading = own(item, '[data-item-heading]');
    if (heading) return heading;
  }
  return element.closest('section')?.querySelector<HTMLElement>('h2') ?? null;
}

/**
 * Called just before the item holding focus is removed from view: focus moves to the same control
 * of the next item (so pressing Enter again removes the next one), else of the previous one, else
 * to the title of what holds the list, else the panel's heading.
 */
export function moveFocusOffRemovedItem(): void {
  const control = document.activeElement;
  if (!(control instanceof HTMLElement)) return;
  const item = control.closest<HTMLElement>('[data-item]');
  if (!item?.parentElement) return;
  const siblings = [...item.parentElement.children].filter((sibling): sibling is HTMLElement => sibling instanceof HTMLElement && sibling.dataset.item === item.dataset.item);
  const index = siblings.indexOf(item);
  for (const neighbour of [siblings[index + 1], siblings[index - 1]]) {
    if (!neighbour) continue;
    const target = [own(neighbour, '[data-remove]'), own(neighbour, '[data-item-heading]')].find(focusable);
    if (target) {
      target.focus();
      return;
    }
  }
  headingNear(item)?.focus();
}

/** The label of the remove control holding focus, to find it again when its removal is undone. */
export function focusedRemoveLabel(): string | null {
  const control = document.activeElement;
  return control instanceof HTMLElement && control.matches('[data-remove]') ? control.getAttribute('aria-label') : null;
}

/**
 * After Undo the item is back, while focus is on the Undo button of a notice that is closing: focus
 * goes back to the remove control it came from, once the item is drawn again.
 */
export function focusUndoneRemoval(label: string): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const current = document.activeElement;
      if (current && current !== document.body && !current.closest('.MuiSnackbar-root')) return;
      const control = [...document.querySelectorAll<HTMLElement>('[data-remove]')].find((element) => element.getAttribute('aria-label') === label);
      if (focusable(control)) control.focus();
    }),
  );
}

/** Where focus was when an edit started, and where to go if that element is gone when the edit ends. */
export interface FocusPlace {
  element: HTMLElement;
  fallback: HTMLElement | null;
}

export function focusPlace(): FocusPlace | null {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  return { element, fallback: headingNear(element) };
}

/** After an edit: only when focus fell to the page, back to where it was, or near it. */
export function restoreFocus(place: FocusPlace): void {
  const current = document.activeElement;
  if (current && current !== document.body) return;
  const target = [place.element, place.fallback].find(focusable);
  target?.focus();
}
