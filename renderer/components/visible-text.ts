/**
 * Text from containers, volumes and engines can carry invisible Unicode controls that
 * reorder what is shown: a file named "\u202Egpj.exe" reads as "exe.jpg". Every name, file
 * name, log line and label goes through showControls, which makes each such character
 * visible as a marker (⟨U+202E⟩) instead of letting it act.
 */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;

export function showControls(text: string): string {
  return text.replace(BIDI_CONTROLS, (char) => `⟨U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩`);
}

/**
 * Operating-system commands in a terminal stream (ESC ] … BEL or ESC ] … ESC \): window
 * titles, hyperlinks, clipboard writes. The log view shows colours only, so these go.
 */
// eslint-disable-next-line no-control-regex -- matching escape sequences is the point
const OSC = /\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g;

export function stripOsc(text: string): string {
  return text.replace(OSC, '');
}
