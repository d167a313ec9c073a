export function cleanLinks(document) {
  document.body.setAttribute('data-clean-links', 'current');
}

export const markCurrent = document => cleanLinks(document);
