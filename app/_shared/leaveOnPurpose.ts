/**
 * A page-wide note that the person chose to leave (signing out after confirming what would be
 * lost): the editor's "unsaved changes" warning before unloading stays quiet then.
 */
let onPurpose = false;

export function leaveOnPurpose(): void {
  onPurpose = true;
}

export function leavingOnPurpose(): boolean {
  return onPurpose;
}
