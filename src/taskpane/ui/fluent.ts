/**
 * Fluent UI web components (Microsoft's design system for the web, the look of Office's own
 * panes): the few the pane uses, registered once, with the light theme's tokens. Chosen over
 * Fluent UI React v9 because the pane is not a React app (no framework to add) and because
 * these styles are constructed style sheets (adoptedStyleSheets), which the page's CSP
 * (style-src 'self', no inline style, no eval) allows. Imported one by one so the bundle
 * carries only these.
 */
import {
  Button, ButtonDefinition, Checkbox, CheckboxDefinition, Dropdown, DropdownDefinition, DropdownOption,
  DropdownOptionDefinition, Listbox, ListboxDefinition, MessageBar, MessageBarDefinition, ProgressBar,
  ProgressBarDefinition, Tab, TabDefinition, Tablist, TablistDefinition, TextInput, TextInputDefinition, setTheme,
} from '@fluentui/web-components';
import { webLightTheme } from '@fluentui/tokens';

let registered = false;

export function registerFluent(): void {
  if (registered || typeof customElements === 'undefined') return;
  registered = true;
  setTheme(webLightTheme);
  Button.define(ButtonDefinition);
  Checkbox.define(CheckboxDefinition);
  Listbox.define(ListboxDefinition);
  DropdownOption.define(DropdownOptionDefinition);
  Dropdown.define(DropdownDefinition);
  MessageBar.define(MessageBarDefinition);
  ProgressBar.define(ProgressBarDefinition);
  Tab.define(TabDefinition);
  Tablist.define(TablistDefinition);
  TextInput.define(TextInputDefinition);
}
