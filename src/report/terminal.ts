/**
 * Text for a terminal: a provider's body, a file's bytes or an error message can hold control characters that move
 * the cursor, clear the screen or retitle the window (`\x1b[2J`, `\x1b]0;…\x07`). Shown to a person, every C0
 * control but tab and newline, DEL, every C1 control and ESC are written as `\xNN` instead.
 */

/** The characters escaped (tab and newline stay: they are layout, not commands). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** A colour code (SGR: `ESC [ digits ; … m`): the only escape sequence printed as is, and only where output allows it. */
const CONTROLS_BUT_COLOURS = /\u001b\[[0-9;]*m|[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const hex = (char: string): string => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;

/** Every control character of `text` (ESC included) escaped as `\xNN`: for values shown to a person. */
export const escapeControls = (text: string): string => text.replace(CONTROLS, hex);

/** `escapeControls`, keeping colour codes: for whole lines whose values were escaped already (the CLI's output). */
export const terminalSafe = (text: string): string => text.replace(CONTROLS_BUT_COLOURS, (match) => (match.length > 1 ? match : hex(match)));
