//! What every flow's pages share: server-rendered pages in Kazakh, Russian and English that work
//! without JavaScript. The pages themselves are in `flows/<flow>/pages`. Every page is built from
//! a [`page::Page`], which carries the language, the caller, the menu their role may see and the
//! CSRF token for forms.

pub mod charts;
pub mod errors;
pub mod form;
pub mod labels;
pub mod locale;
pub mod page;
pub mod paging;
pub mod refusal;
