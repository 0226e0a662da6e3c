/** Where the glossary (/glossary/) explains each figure: every page that shows one links here. */
export const GLOSSARY = {
  page: '/glossary/',
  status: '/glossary/#status',
  shutdown: '/glossary/#shutdown',
  share: '/glossary/#share',
  overdue: '/glossary/#overdue',
  unreported: '/glossary/#unreported',
  asOf: '/glossary/#as-of',
} as const;
