/// <reference types="office-js" />
/**
 * Ribbon commands. The "MedAid 预算" button opens the task pane through a ShowTaskpane
 * action in manifest.xml, so no code is needed for it; the FunctionFile is the shared
 * runtime page (taskpane.html), which loads this bundle with the functions and the pane.
 *
 * `openTaskpane` is registered for ExecuteFunction actions (a second button, a keyboard
 * shortcut): in the shared runtime it shows the pane (SharedRuntime 1.1).
 */
export async function openTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event?.completed();
  }
}

// Outside Office (file mode in a plain browser) there is no Office global: nothing to register.
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    Office.actions.associate('openTaskpane', openTaskpane);
  });
}
