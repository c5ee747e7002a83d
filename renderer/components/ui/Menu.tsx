import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useRef, type ReactNode } from 'react';
import { rememberMenuButton } from './focus-return';

/**
 * A menu button and its menu, on Radix's dropdown menu (the WAI-ARIA menu
 * button pattern): Enter, Space or Arrow Down opens it on the first item;
 * Arrow Down/Up move (and wrap), Home/End jump, typing
 * a letter goes to the item that starts with it, Enter or Space picks, Escape
 * closes and gives focus back to the button. The menu is portalled to the end
 * of the body, so no scroll box clips it.
 *
 * Non-modal: the rest of the page stays readable and clickable while it is
 * open (a click outside just closes it), and a <dialog> opened from an item
 * takes focus as usual.
 */
export function Menu({
  label,
  trigger,
  triggerClassName = 'rounded-md border border-slate-300 px-2 py-1 dark:border-slate-700',
  children,
}: {
  /** The button's accessible name, also the menu's. */
  label: string;
  /** What the button shows (a symbol such as ⋯ is fine: the label names it). */
  trigger: ReactNode;
  triggerClassName?: string;
  children: ReactNode;
}) {
  const button = useRef<HTMLButtonElement>(null);
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger ref={button} aria-label={label} className={triggerClassName}>
        {trigger}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          // Before any item's onSelect: a dialog it opens gives focus back to this button.
          onPointerDownCapture={() => rememberMenuButton(button.current)}
          onKeyDownCapture={() => rememberMenuButton(button.current)}
          align="end"
          sideOffset={4}
          collisionPadding={8}
          loop
          className="z-40 w-64 overflow-hidden rounded-md border border-slate-300 bg-white py-1 text-sm text-slate-900 shadow-lg dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/**
 * One item. Its accessible name is its visible text (everything it shows, a
 * command under the label included), so speech users can say what they see.
 */
export function MenuItem({ onSelect, danger = false, disabled = false, children }: { onSelect: () => void; danger?: boolean; disabled?: boolean; children: ReactNode }) {
  return (
    <DropdownMenu.Item
      onSelect={onSelect}
      disabled={disabled}
      className={`block w-full cursor-default px-3 py-1.5 text-left -outline-offset-2 data-[disabled]:opacity-60 data-[highlighted]:bg-slate-100 dark:data-[highlighted]:bg-slate-800 ${danger ? 'text-red-700 dark:text-red-300' : ''}`}
    >
      {children}
    </DropdownMenu.Item>
  );
}
