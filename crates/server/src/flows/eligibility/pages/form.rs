//! The questions of each programme's self-check, and the facts built from the answers.
//!
//! A programme's form is described once, as groups of fields ([`Group`], [`Field`]); the same
//! description draws the form ([`fieldsets`]) and reads the answers into the programme's facts
//! JSON ([`build`]), the shape `Facts::from_value` reads. A field's form name is its path in the
//! facts (`applicant.funds.amount_kzt`, `family[2].birth_date`), so an error the rules report
//! at a path lands next to the field that gave it. Repeated rows (family members, investments,
//! languages) left blank are skipped; an optional object (funds, a training plan, a business
//! abroad) is given only when its first field is answered.

use crate::i18n::I18n;
use crate::web::page::Page;
use ashyq_core::occupation::{OccupationCode, classifier};
use ashyq_core::rules::Programme;
use jiff::civil::Date;
use serde_json::{Map, Value};

/// How a question is asked and read.
#[derive(Debug, Clone, Copy)]
pub enum Input {
    Date,
    /// A date not after the date of application (a birth, an arrival).
    PastDate,
    /// An amount of money: digits, an optional decimal point or comma, spaces ignored.
    Amount,
    /// A whole number up to a maximum.
    Whole(u32),
    /// A whole number up to a maximum; blank means none (0).
    Count(u32),
    /// Free text up to a length.
    Text(usize),
    /// A code of the classifier of occupations.
    Occupation,
    /// A Kazakh business identification number.
    Bin,
    /// A checkbox: yes or no.
    Flag,
    /// One of a few values, labelled by the messages `ecv-{key}-{value}`.
    Choice(&'static [&'static str]),
    /// One of a few values that are their own labels (CEFR levels, currency codes).
    Plain(&'static [&'static str]),
    /// A region of Kazakhstan.
    Region,
    /// A country (ISO 3166-1 alpha-3).
    Country,
    /// Any of a few values (checkboxes), labelled by `ecv-{key}-{value}`; read as a list.
    Flags(&'static [&'static str]),
}

/// One question: its key in the facts object, how it is asked, and whether it must be answered
/// (when its group is given at all).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub input: Input,
    pub required: bool,
}

const fn req(key: &'static str, input: Input) -> Field {
    Field { key, input, required: true }
}

const fn opt(key: &'static str, input: Input) -> Field {
    Field { key, input, required: false }
}

const fn flag(key: &'static str) -> Field {
    Field { key, input: Input::Flag, required: false }
}

/// A fieldset of the form, and an object (or list of objects) in the facts.
#[derive(Debug, Clone, Copy)]
pub struct Group {
    /// The object's key in the facts; `None`: its fields belong to the enclosing object.
    pub key: Option<&'static str>,
    /// The legend's message key (a row's legend takes the row's number as `$n`).
    pub legend: &'static str,
    /// For an optional object: the field whose answer says the object is given at all.
    pub anchor: Option<&'static str>,
    /// For a list of objects: how many rows the form offers (0: not a list).
    pub rows: usize,
    pub fields: &'static [Field],
    /// Groups inside this one (one level deep).
    pub subs: &'static [Group],
}

const fn group(key: Option<&'static str>, legend: &'static str, fields: &'static [Field]) -> Group {
    Group { key, legend, anchor: None, rows: 0, fields, subs: &[] }
}

const RELATIONS: &[&str] = &["spouse", "child", "parent", "other"];
const EDUCATION: &[&str] = &["none", "secondary", "vocational", "bachelor", "master", "doctorate"];
const LANGUAGES: &[&str] = &["kk", "ru", "en", "zh", "de", "fr", "tr", "uz", "ar", "ko"];
const LEVELS: &[&str] = &["A1", "A2", "B1", "B2", "C1", "C2"];
const KINDS: &[&str] = &["charter_capital", "securities"];
const CURRENCIES: &[&str] = &["USD", "KZT", "EUR", "RUB", "CNY"];
const GROUNDS: &[&str] = &["race", "religion", "nationality", "social_group", "political_opinion"];

const FUNDS: &[Field] =
    &[req("amount_kzt", Input::Amount), flag("kazakh_bank"), req("certified_on", Input::Date)];

const PERMANENT_RESIDENCE: &[Group] = &[
    Group {
        subs: &[Group { anchor: Some("amount_kzt"), ..group(Some("funds"), "ecg-funds", FUNDS) }],
        ..group(
            Some("applicant"),
            "ecg-you",
            &[
                req("birth_date", Input::PastDate),
                req("passport_expiry", Input::Date),
                opt("occupation", Input::Occupation),
                flag("ethnic_kazakh"),
                flag("former_citizen"),
                flag("simplified_citizenship"),
                flag("criminal_record"),
            ],
        )
    },
    Group {
        rows: 4,
        subs: &[Group { anchor: Some("amount_kzt"), ..group(Some("funds"), "ecg-member-funds", FUNDS) }],
        ..group(
            Some("family"),
            "ecg-family",
            &[req("relation", Input::Choice(RELATIONS)), req("birth_date", Input::PastDate)],
        )
    },
    Group {
        subs: &[group(
            Some("housing"),
            "ecg-housing",
            &[flag("provided_by_contract"), opt("funds_kzt", Input::Amount)],
        )],
        ..group(None, "ecg-home", &[req("region", Input::Region)])
    },
];

const VALUABLE_SKILLS: &[Group] = &[
    group(
        None,
        "ecg-you",
        &[req("birth_date", Input::PastDate), req("passport_expiry", Input::Date), flag("criminal_record")],
    ),
    Group {
        subs: &[Group {
            anchor: Some("trainees_per_year"),
            ..group(Some("training_plan"), "ecg-training", &[req("trainees_per_year", Input::Whole(100_000))])
        }],
        ..group(
            None,
            "ecg-work",
            &[
                req("occupation", Input::Occupation),
                req("education", Input::Choice(EDUCATION)),
                req("experience_years", Input::Count(80)),
                req("publications", Input::Count(100_000)),
                req("patents", Input::Count(100_000)),
                req("awards", Input::Count(100_000)),
                flag("job_offer"),
            ],
        )
    },
    Group {
        rows: 3,
        ..group(
            Some("languages"),
            "ecg-language",
            &[req("language", Input::Choice(LANGUAGES)), req("level", Input::Plain(LEVELS))],
        )
    },
];

const INVESTOR: &[Group] = &[
    group(None, "ecg-you", &[req("passport_expiry", Input::Date), flag("criminal_record")]),
    Group {
        rows: 3,
        ..group(
            Some("investments"),
            "ecg-investment",
            &[
                req("kind", Input::Choice(KINDS)),
                req("recipient", Input::Text(200)),
                opt("bin", Input::Bin),
                req("amount", Input::Amount),
                req("currency", Input::Plain(CURRENCIES)),
                req("date", Input::Date),
            ],
        )
    },
];

const ATA_ZHOLY: &[Group] = &[Group {
    subs: &[Group {
        anchor: Some("name"),
        ..group(
            Some("business_abroad"),
            "ecg-business",
            &[
                req("name", Input::Text(200)),
                req("country", Input::Country),
                req("registered_on", Input::Date),
            ],
        )
    }],
    ..group(
        None,
        "ecg-you",
        &[
            flag("ethnic_kazakh"),
            req("country_of_residence", Input::Country),
            req("passport_expiry", Input::Date),
            opt("occupation", Input::Occupation),
            flag("criminal_record"),
        ],
    )
}];

const REFUGEE: &[Group] = &[group(
    None,
    "ecg-claim",
    &[
        req("arrival_date", Input::PastDate),
        opt("grounds", Input::Flags(GROUNDS)),
        opt("delay_reason", Input::Text(1000)),
        flag("exclusion_grounds"),
    ],
)];

/// The questions of a programme.
pub fn questions(p: Programme) -> &'static [Group] {
    match p {
        Programme::PermanentResidence => PERMANENT_RESIDENCE,
        Programme::ValuableSkillsVisa => VALUABLE_SKILLS,
        Programme::InvestorVisa => INVESTOR,
        Programme::AtaZholy => ATA_ZHOLY,
        Programme::Refugee => REFUGEE,
    }
}

// ---------------------------------------------------------------------------------------------
// The answers
// ---------------------------------------------------------------------------------------------

/// The fields a form posted, in order (a name may repeat: the checkboxes of a list).
#[derive(Debug, Clone, Default)]
pub struct Answers(pub Vec<(String, String)>);

impl Answers {
    /// The first value of `name`, trimmed; empty when not sent.
    pub fn get(&self, name: &str) -> &str {
        self.0.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.trim())
    }

    pub fn has(&self, name: &str, value: &str) -> bool {
        self.0.iter().any(|(k, v)| k == name && v == value)
    }

    fn blank(&self, name: &str) -> bool {
        self.get(name).is_empty()
    }
}

/// A field the answers could not be read from: its form name (or empty for the whole form) and
/// the message, in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub name: String,
    pub message: String,
}

/// The facts read from the answers, or the fields that could not be read.
pub struct Built {
    pub facts: Value,
    pub errors: Vec<FieldError>,
    /// For each list, the form row of each item given (blank rows are skipped), to name the
    /// form's row when the rules report an item by its place in the list.
    rows: Vec<(String, Vec<usize>)>,
}

struct Reader<'a> {
    answers: &'a Answers,
    page: &'a Page,
    on: Option<Date>,
    errors: Vec<FieldError>,
    rows: Vec<(String, Vec<usize>)>,
}

/// Reads a programme's facts from the answers; `on` is the date of application when it could
/// be read (a birth after it is refused here, with the field named).
pub fn build(p: Programme, answers: &Answers, on: Option<Date>, page: &Page) -> Built {
    let mut r = Reader { answers, page, on, errors: Vec::new(), rows: Vec::new() };
    let mut root = Map::new();
    for g in questions(p) {
        r.group(g, "", &mut root);
    }
    Built { facts: Value::Object(root), errors: r.errors, rows: r.rows }
}

impl Reader<'_> {
    fn error(&mut self, name: &str, message: String) -> Value {
        self.errors.push(FieldError { name: name.to_string(), message });
        Value::Null
    }

    /// Reads group `g` into `into`, the object at form path `prefix` (`""` or `applicant.`).
    fn group(&mut self, g: &Group, prefix: &str, into: &mut Map<String, Value>) {
        match g.key {
            Some(key) if g.rows > 0 => {
                let path = format!("{prefix}{key}");
                let mut items = Vec::new();
                let mut used = Vec::new();
                for i in 0..g.rows {
                    let row = format!("{path}[{i}].");
                    if row_is_blank(g, &row, self.answers) {
                        continue;
                    }
                    let mut item = Map::new();
                    self.fields(g, &row, &mut item);
                    items.push(Value::Object(item));
                    used.push(i);
                }
                self.rows.push((path, used));
                into.insert(key.to_string(), Value::Array(items));
            }
            Some(key) => {
                let inner = format!("{prefix}{key}.");
                if g.anchor.is_some_and(|a| self.answers.blank(&format!("{inner}{a}"))) {
                    into.insert(key.to_string(), Value::Null);
                    return;
                }
                let mut item = Map::new();
                self.fields(g, &inner, &mut item);
                into.insert(key.to_string(), Value::Object(item));
            }
            None => self.fields(g, prefix, into),
        }
    }

    fn fields(&mut self, g: &Group, prefix: &str, into: &mut Map<String, Value>) {
        for f in g.fields {
            let name = format!("{prefix}{}", f.key);
            let value = self.field(f, &name);
            into.insert(f.key.to_string(), value);
        }
        for sub in g.subs {
            self.group(sub, prefix, into);
        }
    }

    fn field(&mut self, f: &Field, name: &str) -> Value {
        let a = self.answers;
        match f.input {
            Input::Flag => return Value::Bool(!a.blank(name)),
            Input::Flags(values) => {
                let checked = values.iter().filter(|v| a.has(name, v)).map(|v| Value::from(*v));
                return Value::Array(checked.collect());
            }
            _ => {}
        }
        let text = a.get(name);
        if text.is_empty() {
            return match f.input {
                Input::Count(_) => Value::from(0),
                _ if f.required => {
                    let m = self.page.t("ec-err-required");
                    self.error(name, m)
                }
                _ => Value::Null,
            };
        }
        let page = self.page;
        match f.input {
            Input::Date | Input::PastDate => match text.parse::<Date>() {
                Ok(d) if matches!(f.input, Input::PastDate) && self.on.is_some_and(|on| d > on) => {
                    self.error(name, page.t("ec-err-after-on"))
                }
                Ok(d) => Value::from(d.to_string()),
                Err(_) => self.error(name, page.t1("err-date", "value", text)),
            },
            Input::Amount => match amount(text) {
                Some(a) => Value::from(a),
                None => self.error(name, page.t1("ec-err-amount", "value", text)),
            },
            Input::Whole(max) | Input::Count(max) => match text.parse::<u32>() {
                Ok(n) if n <= max => Value::from(n),
                _ => self.error(name, page.t1("ec-err-whole", "max", &max.to_string())),
            },
            Input::Text(max) => {
                if text.chars().count() > max {
                    self.error(name, page.t1("ec-err-long", "max", &max.to_string()))
                } else {
                    Value::from(text)
                }
            }
            Input::Occupation => match OccupationCode::parse(text) {
                Ok(code) if classifier().get(&code).is_some() || classifier().has_unit_group(&code) => {
                    Value::from(code.to_string())
                }
                _ => self.error(name, page.t1("ec-err-occupation", "value", text)),
            },
            Input::Bin => match ashyq_core::ids::Bin::parse(text) {
                Ok(b) => Value::from(b.to_string()),
                Err(_) => self.error(name, page.t1("ec-err-bin", "value", text)),
            },
            Input::Choice(values) | Input::Plain(values) => {
                if values.contains(&text) {
                    Value::from(text)
                } else {
                    self.error(name, page.t("ec-err-choice"))
                }
            }
            Input::Region => match ashyq_core::region::parse(text) {
                Some(r) => Value::from(r.code.clone()),
                None => self.error(name, page.t("ec-err-choice")),
            },
            Input::Country => match ashyq_core::country::by_alpha3(text) {
                Some(c) => Value::from(c.alpha3.clone()),
                None => self.error(name, page.t("ec-err-choice")),
            },
            Input::Flag | Input::Flags(_) => Value::Null,
        }
    }
}

/// Whether a row was left blank: nothing typed or chosen (checkboxes aside), in its groups too.
fn row_is_blank(g: &Group, prefix: &str, a: &Answers) -> bool {
    let own = g
        .fields
        .iter()
        .filter(|f| !matches!(f.input, Input::Flag | Input::Flags(_)))
        .all(|f| a.blank(&format!("{prefix}{}", f.key)));
    own && g.subs.iter().all(|s| match s.key {
        Some(k) => row_is_blank(s, &format!("{prefix}{k}."), a),
        None => row_is_blank(s, prefix, a),
    })
}

/// An amount as the facts take it (a decimal string): digits with at most one decimal point
/// or comma and two decimals; spaces between the thousands are allowed.
fn amount(text: &str) -> Option<String> {
    let t: String =
        text.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect();
    let t = t.replace(',', ".");
    let (whole, fraction) = t.split_once('.').unwrap_or((&t, ""));
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let ok =
        !whole.is_empty() && whole.len() <= 15 && digits(whole) && fraction.len() <= 2 && digits(fraction);
    ok.then(|| if fraction.is_empty() { whole.to_string() } else { format!("{whole}.{fraction}") })
}

impl Built {
    /// The form field a facts path names (`family[0].birth_date` → the form's row), or `""`
    /// when the path names no one field.
    pub fn field_for(&self, groups: &[Group], path: &str) -> String {
        let mut path = path.to_string();
        for (list, used) in &self.rows {
            let Some(rest) = path.strip_prefix(&format!("{list}[")) else { continue };
            let Some((n, tail)) = rest.split_once(']') else { continue };
            if let Some(row) = n.parse::<usize>().ok().and_then(|i| used.get(i)) {
                path = format!("{list}[{row}]{tail}");
            }
        }
        let names = names(groups);
        if names.contains(&path) {
            return path;
        }
        // An object or row as a whole: its first field; a list's item: the list.
        if let Some(n) =
            names.iter().find(|n| n.starts_with(&format!("{path}.")) || n.starts_with(&format!("{path}[")))
        {
            return n.clone();
        }
        names.into_iter().filter(|n| path.starts_with(n.as_str())).max_by_key(String::len).unwrap_or_default()
    }
}

/// Every field's form name, in order.
pub fn names(groups: &[Group]) -> Vec<String> {
    fn walk(g: &Group, prefix: &str, out: &mut Vec<String>) {
        let prefixes: Vec<String> = match g.key {
            Some(k) if g.rows > 0 => (0..g.rows).map(|i| format!("{prefix}{k}[{i}].")).collect(),
            Some(k) => vec![format!("{prefix}{k}.")],
            None => vec![prefix.to_string()],
        };
        for p in prefixes {
            out.extend(g.fields.iter().map(|f| format!("{p}{}", f.key)));
            for s in g.subs {
                walk(s, &p, out);
            }
        }
    }
    let mut out = Vec::new();
    for g in groups {
        walk(g, "", &mut out);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Drawing the form
// ---------------------------------------------------------------------------------------------

/// An option of a select or a list of checkboxes.
pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
    /// The checkbox's own id (lists of checkboxes).
    pub id: String,
}

/// A question as drawn.
pub struct FieldView {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    /// `date`, `number`, `text`, `checkbox`, `select` or `checkboxes`.
    pub kind: &'static str,
    pub value: String,
    pub checked: bool,
    pub options: Vec<OptionView>,
    pub error: Option<String>,
    /// Marked required to the browser (only questions that must always be answered).
    pub required: bool,
    pub step: &'static str,
    pub max: String,
    pub maxlength: usize,
    pub inputmode: &'static str,
    /// The ids of the hint and the error, for `aria-describedby`.
    pub described_by: String,
}

/// A fieldset as drawn, with the fieldsets inside it.
pub struct FieldsetView {
    pub id: String,
    pub legend: String,
    pub hint: Option<String>,
    pub fields: Vec<FieldView>,
    pub subs: Vec<FieldsetView>,
}

/// The label of the field named `name` in the fieldsets, as "legend — label".
pub fn label_in(fieldsets: &[FieldsetView], name: &str) -> Option<String> {
    fieldsets
        .iter()
        .flat_map(|fs| {
            fs.fields
                .iter()
                .map(move |f| (fs, f))
                .chain(fs.subs.iter().flat_map(|s| s.fields.iter().map(move |f| (s, f))))
        })
        .find(|(_, f)| f.name == name)
        .map(|(fs, f)| format!("{} — {}", fs.legend, f.label))
}

/// The error summary at the top of a form: (anchor, label, message) for every error, linked to
/// its field; one that names no field has no anchor (it is shown only there).
pub fn summary(errs: &[FieldError], label_of: impl Fn(&str) -> String) -> Vec<(String, String, String)> {
    errs.iter()
        .map(|e| {
            let anchor = if e.name.is_empty() { String::new() } else { field_id(&e.name) };
            (anchor, label_of(&e.name), e.message.clone())
        })
        .collect()
}

/// The HTML id of a field: its name with `.`, `[` and `]` as dashes, after `f-`.
pub fn field_id(name: &str) -> String {
    let mut id = String::from("f-");
    for c in name.chars() {
        match c {
            '.' | '[' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

struct Drawer<'a> {
    page: &'a Page,
    i18n: &'a I18n,
    answers: &'a Answers,
    errors: &'a [FieldError],
    countries: Vec<(String, String)>,
}

/// The form's fieldsets, with the answers given and the errors next to their fields.
pub fn fieldsets(
    p: Programme,
    page: &Page,
    i18n: &I18n,
    answers: &Answers,
    errors: &[FieldError],
) -> Vec<FieldsetView> {
    let mut countries: Vec<(String, String)> = ashyq_core::country::all()
        .iter()
        .filter(|c| !c.alpha2.is_empty())
        .map(|c| (c.alpha3.clone(), c.name(page.lang_code()).to_string()))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let d = Drawer { page, i18n, answers, errors, countries };
    let mut out = Vec::new();
    for g in questions(p) {
        d.top(g, &mut out);
    }
    out
}

impl Drawer<'_> {
    fn top(&self, g: &Group, out: &mut Vec<FieldsetView>) {
        match g.key {
            Some(k) if g.rows > 0 => {
                for i in 0..g.rows {
                    let prefix = format!("{k}[{i}].");
                    let n = (i + 1).to_string();
                    out.push(self.fieldset(g, &prefix, self.page.t1(g.legend, "n", &n), false, true));
                }
            }
            Some(k) => out.push(self.fieldset(g, &format!("{k}."), self.page.t(g.legend), true, false)),
            None => out.push(self.fieldset(g, "", self.page.t(g.legend), true, false)),
        }
    }

    /// A fieldset of `g`, whose fields are at `prefix`; `always`: its questions must be
    /// answered whenever the form is sent (not in a row, not in an optional object).
    fn fieldset(&self, g: &Group, prefix: &str, legend: String, always: bool, row: bool) -> FieldsetView {
        let always = always && g.anchor.is_none() && !row;
        let fields = g.fields.iter().map(|f| self.field(f, &format!("{prefix}{}", f.key), always)).collect();
        let subs = g
            .subs
            .iter()
            .map(|s| {
                let inner = match s.key {
                    Some(k) => format!("{prefix}{k}."),
                    None => prefix.to_string(),
                };
                self.fieldset(s, &inner, self.page.t(s.legend), always, false)
            })
            .collect();
        let hint_key = format!("{}-hint", g.legend);
        let id = format!("fs-{}", field_id(prefix.trim_end_matches('.')).trim_start_matches("f-"));
        FieldsetView {
            id: if prefix.is_empty() { format!("fs-{}", g.legend) } else { id },
            legend,
            hint: self.i18n.has(self.page.lang, &hint_key).then(|| self.page.t(&hint_key)),
            fields,
            subs,
        }
    }

    fn field(&self, f: &Field, name: &str, always: bool) -> FieldView {
        let page = self.page;
        let id = field_id(name);
        let label_key = format!("ecf-{}", f.key);
        let hint_key = format!("ecf-{}-hint", f.key);
        let hint = self.i18n.has(page.lang, &hint_key).then(|| page.t(&hint_key));
        let error = self.errors.iter().find(|e| e.name == name).map(|e| e.message.clone());
        let value = self.answers.get(name).to_string();
        let mut described = Vec::new();
        if hint.is_some() {
            described.push(format!("{id}-hint"));
        }
        if error.is_some() {
            described.push(format!("{id}-error"));
        }
        let choose = OptionView {
            value: String::new(),
            label: page.t("ec-choose"),
            selected: false,
            id: String::new(),
        };
        let option = |v: &str, label: String| OptionView {
            selected: value == v,
            value: v.to_string(),
            label,
            id: String::new(),
        };
        let (kind, options, step, max, inputmode) = match f.input {
            Input::Date | Input::PastDate => ("date", Vec::new(), "", String::new(), ""),
            Input::Amount => ("number", Vec::new(), "0.01", String::new(), "decimal"),
            Input::Whole(m) | Input::Count(m) => ("number", Vec::new(), "1", m.to_string(), "numeric"),
            Input::Text(_) | Input::Occupation | Input::Bin => ("text", Vec::new(), "", String::new(), ""),
            Input::Flag => ("checkbox", Vec::new(), "", String::new(), ""),
            Input::Choice(values) => {
                let mut o = vec![choose];
                o.extend(values.iter().map(|v| option(v, page.t(&format!("ecv-{}-{v}", f.key)))));
                ("select", o, "", String::new(), "")
            }
            Input::Plain(values) => {
                let mut o = vec![choose];
                o.extend(values.iter().map(|v| option(v, v.to_string())));
                ("select", o, "", String::new(), "")
            }
            Input::Region => {
                let mut o = vec![choose];
                o.extend(page.regions().into_iter().map(|(code, n)| option(&code, n)));
                ("select", o, "", String::new(), "")
            }
            Input::Country => {
                let mut o = vec![choose];
                o.extend(self.countries.iter().map(|(code, n)| option(code, n.clone())));
                ("select", o, "", String::new(), "")
            }
            Input::Flags(values) => {
                let o = values
                    .iter()
                    .map(|v| OptionView {
                        value: v.to_string(),
                        label: page.t(&format!("ecv-{}-{v}", f.key)),
                        selected: self.answers.has(name, v),
                        id: format!("{id}-{v}"),
                    })
                    .collect();
                ("checkboxes", o, "", String::new(), "")
            }
        };
        let maxlength = match f.input {
            Input::Text(n) => n,
            Input::Occupation => 12,
            Input::Bin => 20,
            _ => 0,
        };
        FieldView {
            label: page.t(&label_key),
            hint,
            kind,
            checked: !value.is_empty(),
            value,
            options,
            error,
            required: always && f.required && !matches!(f.input, Input::Count(_)),
            step,
            max,
            maxlength,
            inputmode,
            described_by: described.join(" "),
            id,
            name: name.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_people_write_them() {
        assert_eq!(amount("5 000 000").as_deref(), Some("5000000"));
        assert_eq!(amount("5709000,5").as_deref(), Some("5709000.5"));
        assert_eq!(amount("12.25").as_deref(), Some("12.25"));
        assert_eq!(amount("-1"), None);
        assert_eq!(amount("1.234"), None);
        assert_eq!(amount("1e6"), None);
        assert_eq!(amount("."), None);
    }

    #[test]
    fn fields_are_named_by_their_path_in_the_facts() {
        let names = names(questions(Programme::PermanentResidence));
        for n in
            ["applicant.birth_date", "applicant.funds.amount_kzt", "family[3].funds.certified_on", "region"]
        {
            assert!(names.contains(&n.to_string()), "{n} not in {names:?}");
        }
        assert!(names.contains(&"housing.funds_kzt".to_string()));
        assert_eq!(field_id("family[3].funds.certified_on"), "f-family-3-funds-certified_on");
    }

    #[test]
    fn groups_nest_one_level_at_most() {
        for p in Programme::ALL {
            for g in questions(p) {
                for s in g.subs {
                    assert!(s.subs.is_empty() && s.rows == 0, "{p}: {} nests too deep", s.legend);
                }
            }
        }
    }
}
