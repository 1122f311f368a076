/**
 * Hands control back to the browser for a moment, so that work split into blocks never
 * holds the page (and, in Excel's shared runtime, the task pane and the custom functions)
 * for long: Office restarts an add-in that is unresponsive for about 5 seconds
 * ("Resource limits and performance optimization for Office Add-ins").
 * A macrotask (setTimeout 0), not a microtask: a resolved promise would not let the
 * browser paint or handle input.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
