export const cleanLinks = [
  {
    validUntil: '2024-06-01T00:00:00Z',
    filter: function cleanLinks(document) {
      document.body.setAttribute('data-clean-links', 'v2');
    },
  },
  {
    validUntil: '2023-01-01T11:00:00Z',
    filter: function cleanLinks(document) {
      document.body.setAttribute('data-clean-links', 'v1');
    },
  },
];

export const dropTracking = [
  {
    validUntil: '2024-06-01T00:00:00Z',
    filter: document => document.body.setAttribute('data-drop-tracking', 'v2'),
  },
];
