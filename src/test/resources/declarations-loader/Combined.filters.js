export function removeTrackers(document) {
  document.querySelectorAll('img[src*="pixel"]').forEach(el => el.remove());
}
