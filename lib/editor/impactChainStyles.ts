/**
 * The impact chain's and the guides' look, shared by the app (app/globals.css holds the same rules
 * in its toolbox block) and the exported HTML/PDF (exportStylesheet). A vertical list of boxes with
 * downward arrows; a row of boxes with arrows to the right when the column (a container query) has
 * room for five boxes whose words are never cut mid-word. The arrows are aria-hidden elements:
 * screen readers hear an ordered list of five labelled steps.
 */
export const IMPACT_CHAIN_STYLESHEET = `
ol.impact-chain[data-impact-chain] { list-style: none; margin: 1em 0; padding: 0; display: grid; gap: 1.5em; }
ol.impact-chain[data-impact-chain] > li.impact-step { position: relative; margin: 0; padding: 0.5em 0.75em; border: 2px solid #767676; border-radius: 6px; break-inside: avoid; page-break-inside: avoid; min-width: 0; overflow-wrap: normal; word-break: normal; hyphens: auto; }
.impact-step__label { display: block; font-weight: bold; }
.impact-step__body > p { margin: 0.3em 0; }
.impact-step__arrow { position: absolute; left: 50%; bottom: -1.4em; transform: translateX(-50%) rotate(90deg); line-height: 1; font-size: 1.1em; }
li.impact-step:last-child > .impact-step__arrow { display: none; }
body { container-type: inline-size; }
@container (min-width: 52rem) {
  ol.impact-chain[data-impact-chain] { grid-template-columns: repeat(5, minmax(0, 1fr)); gap: 1.5em; }
  .impact-step__arrow { left: auto; right: -1.25em; bottom: auto; top: 50%; transform: translateY(-50%); }
}
`.trim();
