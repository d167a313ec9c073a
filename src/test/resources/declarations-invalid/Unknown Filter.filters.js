export function removeBanners(document) {
  document.querySelectorAll('.banner').forEach(el => el.remove());
}
