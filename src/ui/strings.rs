//! The widget's own words (buttons, labels, counts, announcements) in the
//! reader's language, from one small table per language.
//!
//! # Overview
//!
//! - [`Strings`]: one language's table of `&'static str`s, with the plural
//!   forms of its counted phrases ([`Plural`]) and its plural rule.
//! - [`Strings::for_lang`] picks the table for a BCP 47 tag by its primary
//!   subtag ("de-CH" → German); languages without a table get English.
//! - [`is_rtl`] tells whether a tag's script runs right to left.
//! - [`Text`]: the table plus the language's `Intl.NumberFormat`, so
//!   "1,234 events" reads "1.234 Ereignisse" in German.
//!
//! ```
//! use news_timeline::ui::strings::{is_rtl, Strings};
//!
//! let de = Strings::for_lang("de-AT");
//! assert_eq!(de.zoom_in, "Vergrößern");
//! assert_eq!(de.count(&de.events, 3, "3"), "3 Ereignisse");
//! assert!(is_rtl("ar-EG") && !is_rtl("en"));
//! ```
//!
//! # What is a plural form?
//!
//! Languages split counts differently: English has "1 event" and "2
//! events"; French says "0 événement" (singular); Arabic has six forms
//! (none, one, two, a few, many, other). A table names each form of a
//! phrase; its rule maps a count to one, as CLDR's plural rules do for
//! whole numbers. `{n}` in a form is replaced by the number as
//! `Intl.NumberFormat` writes it for the language, `{m}` by a second one.
//!
//! Out of scope: messages from data validation (`debug`), which are for
//! page developers and stay English, and anything fetched at run time.

use js_sys::{Array, Intl, Object, Reflect};
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// A count's plural category (CLDR's names, whole numbers only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

/// The forms of one counted phrase; a language fills those its rule uses
/// and repeats `other` for the rest.
pub struct Plural {
    pub zero: &'static str,
    pub one: &'static str,
    pub two: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
}

impl Plural {
    /// A phrase with a singular and a plural form only.
    const fn two(one: &'static str, other: &'static str) -> Plural {
        Plural {
            zero: other,
            one,
            two: other,
            few: other,
            many: other,
            other,
        }
    }

    fn form(&self, category: Category) -> &'static str {
        match category {
            Category::Zero => self.zero,
            Category::One => self.one,
            Category::Two => self.two,
            Category::Few => self.few,
            Category::Many => self.many,
            Category::Other => self.other,
        }
    }
}

/// Every string the widget shows or announces, in one language.
pub struct Strings {
    /// The table's language, a primary subtag ("en").
    pub lang: &'static str,
    /// The widget's accessible name when the data has no title.
    pub timeline: &'static str,
    /// The zoom buttons' group.
    pub zoom: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    /// The fit button (short).
    pub show_all: &'static str,
    /// The fit button's tooltip and the empty state's reset button.
    pub show_all_events: &'static str,
    /// Shown when a plain wheel scrolls the page over the track.
    pub zoom_hint: &'static str,
    pub search: &'static str,
    pub filter_by_tag: &'static str,
    pub importance: &'static str,
    pub all_events: &'static str,
    pub important_events: &'static str,
    pub key_events: &'static str,
    pub no_events: &'static str,
    pub no_match: &'static str,
    /// The overview strip's group of range handles.
    pub date_range: &'static str,
    pub show_from: &'static str,
    pub show_until: &'static str,
    /// The "from" handle's value when the range is open at the start.
    pub first_event: &'static str,
    /// The "until" handle's value when the range is open at the end.
    pub last_event: &'static str,
    pub close: &'static str,
    /// The card's step buttons, with an arrow towards earlier / later.
    pub previous: &'static str,
    pub next: &'static str,
    /// The card's step buttons' navigation landmark.
    pub other_events: &'static str,
    /// The card's tag list.
    pub tags: &'static str,
    /// Before the card's source link, with its punctuation and space.
    pub source: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// A link to media that is not an image, when it has no caption.
    pub view_media: &'static str,
    /// On a narrow widget, the control that opens the search, tags and
    /// importance.
    pub filter: &'static str,
    /// Closes the filters opened by `filter`.
    pub done: &'static str,
    /// The lane of the events in no group.
    pub other: &'static str,
    /// An event's place in its lane: "{n} of {m}" (said after the lane's
    /// name: "Military, 3 of 7").
    pub position: &'static str,
    /// After `filter`, how many criteria are set: "{n} active".
    pub active: Plural,
    /// "{n} events".
    pub events: Plural,
    /// "{n} of {m} events" (n pass the filter, of m).
    pub shown_of: Plural,
    /// Whether `shown_of`'s form follows the shown count rather than the
    /// total ("3 événements sur 10").
    pub shown_of_by_shown: bool,
    /// A "+N" badge's accessible name: "{n} more events: zoom in".
    pub more_events: Plural,
    /// The debug notice's summary: "{n} data problems (debug)".
    pub problems: Plural,
    /// After a printed list cut short: "{n} more events are not printed."
    pub not_printed: Plural,
    /// The control that brings events added outside the window into
    /// view: "{n} new events".
    pub new_events: Plural,
    /// The label of the line that marks the present.
    pub today: &'static str,
    /// An ongoing range's end in its date label ("May 2019 – ongoing").
    pub ongoing: &'static str,
    /// "{n} years ago" for a compact number ("13.8 billion").
    pub years_ago: fn(&str) -> String,
    /// "year {n}" for a far-future year.
    pub year_n: &'static str,
    /// Under the track when the data has times of day: the zone they are
    /// shown in ("Times in Eastern Time (UTC−4)").
    pub times_in: &'static str,
    /// The language's plural rule.
    pub rule: fn(u64) -> Category,
}

impl Strings {
    /// The table for a BCP 47 tag: its primary subtag's, else English.
    pub fn for_lang(tag: &str) -> &'static Strings {
        let primary = primary_subtag(tag);
        [&DE, &FR, &ES, &AR]
            .into_iter()
            .find(|s| primary.eq_ignore_ascii_case(s.lang))
            .unwrap_or(&EN)
    }

    /// A counted phrase for `n`, written `number`.
    pub fn count(&self, phrase: &Plural, n: u64, number: &str) -> String {
        phrase.form((self.rule)(n)).replace("{n}", number)
    }

    /// "{shown} of {total} events", the numbers written as given.
    pub fn shown_of(&self, shown: u64, total: u64, shown_text: &str, total_text: &str) -> String {
        let n = if self.shown_of_by_shown { shown } else { total };
        self.shown_of
            .form((self.rule)(n))
            .replace("{n}", shown_text)
            .replace("{m}", total_text)
    }
}

/// The language part of a BCP 47 tag ("pt" of "pt-BR").
fn primary_subtag(tag: &str) -> &str {
    tag.trim().split(['-', '_']).next().unwrap_or_default()
}

/// Whether text in the language of `tag` runs right to left: Arabic,
/// Hebrew, Persian, Urdu and others in those scripts, or any tag naming
/// such a script ("az-Arab"); a Latin or Cyrillic script subtag wins.
pub fn is_rtl(tag: &str) -> bool {
    const RTL_LANGUAGES: &[&str] = &["ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd"];
    const RTL_SCRIPTS: &[&str] = &["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
    let mut subtags = tag.trim().split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    // The script is the first four-letter subtag after the language.
    if let Some(script) =
        subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return RTL_SCRIPTS.iter().any(|s| script.eq_ignore_ascii_case(s));
    }
    RTL_LANGUAGES
        .iter()
        .any(|l| primary.eq_ignore_ascii_case(l))
}

/// English, German and Spanish whole numbers: "1 event", "0 events".
fn one_other(n: u64) -> Category {
    if n == 1 {
        Category::One
    } else {
        Category::Other
    }
}

/// French: 0 and 1 are singular.
fn french_rule(n: u64) -> Category {
    if n <= 1 {
        Category::One
    } else {
        Category::Other
    }
}

/// Arabic: 0, 1, 2, 3–10, 11–99 (by the last two digits), other.
fn arabic_rule(n: u64) -> Category {
    match (n, n % 100) {
        (0, _) => Category::Zero,
        (1, _) => Category::One,
        (2, _) => Category::Two,
        (_, 3..=10) => Category::Few,
        (_, 11..=99) => Category::Many,
        _ => Category::Other,
    }
}

/// Whether a compact number ends in a noun of millions or more
/// ("1,5 million", "13,8 milliards", "2 mil millones"), which French and
/// Spanish join to "years" with "de".
fn ends_in_big_noun(number: &str) -> bool {
    let last = number
        .rsplit([' ', '\u{a0}', '\u{202f}'])
        .next()
        .unwrap_or_default();
    ["mill", "bill", "trill"]
        .iter()
        .any(|p| last.starts_with(p))
        && !last.starts_with("mille")
}

pub static EN: Strings = Strings {
    lang: "en",
    timeline: "Timeline",
    zoom: "Zoom",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    show_all: "Show all",
    show_all_events: "Show all events",
    zoom_hint: "Ctrl + scroll to zoom",
    search: "Search events",
    filter_by_tag: "Filter by tag",
    importance: "Importance",
    all_events: "All events",
    important_events: "Important events",
    key_events: "Key events only",
    no_events: "No events to show.",
    no_match: "No events match.",
    date_range: "Date range",
    show_from: "Show events from",
    show_until: "Show events until",
    first_event: "the first event",
    last_event: "the last event",
    close: "Close",
    previous: "Previous",
    next: "Next",
    other_events: "Other events",
    tags: "Tags",
    source: "Source: ",
    copy_link: "Copy link",
    link_copied: "Link copied",
    view_media: "View the media",
    filter: "Filter",
    done: "Done",
    other: "Other",
    position: "{n} of {m}",
    active: Plural::two("{n} active", "{n} active"),
    events: Plural::two("{n} event", "{n} events"),
    shown_of: Plural::two("{n} of {m} event", "{n} of {m} events"),
    shown_of_by_shown: false,
    more_events: Plural::two("{n} more event: zoom in", "{n} more events: zoom in"),
    problems: Plural::two("{n} data problem (debug)", "{n} data problems (debug)"),
    not_printed: Plural::two(
        "{n} more event is not printed.",
        "{n} more events are not printed.",
    ),
    new_events: Plural::two("{n} new event", "{n} new events"),
    today: "Today",
    ongoing: "ongoing",
    years_ago: |n| format!("{n} years ago"),
    year_n: "year {n}",
    times_in: "Times in {zone}",
    rule: one_other,
};

pub static DE: Strings = Strings {
    lang: "de",
    timeline: "Zeitleiste",
    zoom: "Zoom",
    zoom_in: "Vergrößern",
    zoom_out: "Verkleinern",
    show_all: "Alle zeigen",
    show_all_events: "Alle Ereignisse zeigen",
    zoom_hint: "Strg + Scrollen zum Zoomen",
    search: "Ereignisse durchsuchen",
    filter_by_tag: "Nach Schlagwort filtern",
    importance: "Wichtigkeit",
    all_events: "Alle Ereignisse",
    important_events: "Wichtige Ereignisse",
    key_events: "Nur die wichtigsten",
    no_events: "Keine Ereignisse vorhanden.",
    no_match: "Keine passenden Ereignisse.",
    date_range: "Zeitraum",
    show_from: "Ereignisse ab",
    show_until: "Ereignisse bis",
    first_event: "dem ersten Ereignis",
    last_event: "zum letzten Ereignis",
    close: "Schließen",
    previous: "Vorheriges",
    next: "Nächstes",
    other_events: "Weitere Ereignisse",
    tags: "Schlagwörter",
    source: "Quelle: ",
    copy_link: "Link kopieren",
    link_copied: "Link kopiert",
    view_media: "Medien ansehen",
    filter: "Filter",
    done: "Fertig",
    other: "Sonstige",
    position: "{n} von {m}",
    active: Plural::two("{n} aktiv", "{n} aktiv"),
    events: Plural::two("{n} Ereignis", "{n} Ereignisse"),
    shown_of: Plural::two("{n} von {m} Ereignis", "{n} von {m} Ereignissen"),
    shown_of_by_shown: false,
    more_events: Plural::two(
        "{n} weiteres Ereignis: vergrößern",
        "{n} weitere Ereignisse: vergrößern",
    ),
    problems: Plural::two("{n} Datenproblem (Debug)", "{n} Datenprobleme (Debug)"),
    not_printed: Plural::two(
        "{n} weiteres Ereignis wird nicht gedruckt.",
        "{n} weitere Ereignisse werden nicht gedruckt.",
    ),
    new_events: Plural::two("{n} neues Ereignis", "{n} neue Ereignisse"),
    today: "Heute",
    ongoing: "andauernd",
    years_ago: |n| format!("vor {n} Jahren"),
    year_n: "Jahr {n}",
    times_in: "Uhrzeiten: {zone}",
    rule: one_other,
};

pub static FR: Strings = Strings {
    lang: "fr",
    timeline: "Chronologie",
    zoom: "Zoom",
    zoom_in: "Zoom avant",
    zoom_out: "Zoom arrière",
    show_all: "Tout afficher",
    show_all_events: "Afficher tous les événements",
    zoom_hint: "Ctrl + molette pour zoomer",
    search: "Chercher un événement",
    filter_by_tag: "Filtrer par mot-clé",
    importance: "Importance",
    all_events: "Tous les événements",
    important_events: "Événements importants",
    key_events: "Événements clés uniquement",
    no_events: "Aucun événement à afficher.",
    no_match: "Aucun événement ne correspond.",
    date_range: "Période",
    show_from: "Événements à partir de",
    show_until: "Événements jusqu’à",
    first_event: "le premier événement",
    last_event: "le dernier événement",
    close: "Fermer",
    previous: "Précédent",
    next: "Suivant",
    other_events: "Autres événements",
    tags: "Mots-clés",
    source: "Source\u{a0}: ",
    copy_link: "Copier le lien",
    link_copied: "Lien copié",
    view_media: "Voir le média",
    filter: "Filtrer",
    done: "Terminé",
    other: "Autres",
    position: "{n} sur {m}",
    active: Plural::two("{n} actif", "{n} actifs"),
    events: Plural::two("{n} événement", "{n} événements"),
    shown_of: Plural::two("{n} événement sur {m}", "{n} événements sur {m}"),
    shown_of_by_shown: true,
    more_events: Plural::two(
        "{n} événement de plus\u{a0}: zoomer",
        "{n} événements de plus\u{a0}: zoomer",
    ),
    problems: Plural::two(
        "{n} problème de données (débogage)",
        "{n} problèmes de données (débogage)",
    ),
    not_printed: Plural::two(
        "{n} autre événement n’est pas imprimé.",
        "{n} autres événements ne sont pas imprimés.",
    ),
    new_events: Plural::two("{n} nouvel événement", "{n} nouveaux événements"),
    today: "Aujourd’hui",
    ongoing: "en cours",
    years_ago: |n| {
        if ends_in_big_noun(n) {
            format!("il y a {n} d’années")
        } else {
            format!("il y a {n} ans")
        }
    },
    year_n: "an {n}",
    times_in: "Heures\u{a0}: {zone}",
    rule: french_rule,
};

pub static ES: Strings = Strings {
    lang: "es",
    timeline: "Cronología",
    zoom: "Zoom",
    zoom_in: "Acercar",
    zoom_out: "Alejar",
    show_all: "Ver todo",
    show_all_events: "Ver todos los eventos",
    zoom_hint: "Ctrl + rueda para hacer zoom",
    search: "Buscar eventos",
    filter_by_tag: "Filtrar por etiqueta",
    importance: "Importancia",
    all_events: "Todos los eventos",
    important_events: "Eventos importantes",
    key_events: "Solo eventos clave",
    no_events: "No hay eventos que mostrar.",
    no_match: "Ningún evento coincide.",
    date_range: "Periodo",
    show_from: "Mostrar eventos desde",
    show_until: "Mostrar eventos hasta",
    first_event: "el primer evento",
    last_event: "el último evento",
    close: "Cerrar",
    previous: "Anterior",
    next: "Siguiente",
    other_events: "Otros eventos",
    tags: "Etiquetas",
    source: "Fuente: ",
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado",
    view_media: "Ver contenido multimedia",
    filter: "Filtrar",
    done: "Listo",
    other: "Otros",
    position: "{n} de {m}",
    active: Plural::two("{n} activo", "{n} activos"),
    events: Plural::two("{n} evento", "{n} eventos"),
    shown_of: Plural::two("{n} de {m} evento", "{n} de {m} eventos"),
    shown_of_by_shown: false,
    more_events: Plural::two("{n} evento más: acercar", "{n} eventos más: acercar"),
    problems: Plural::two(
        "{n} problema de datos (depuración)",
        "{n} problemas de datos (depuración)",
    ),
    not_printed: Plural::two(
        "{n} evento más no se imprime.",
        "{n} eventos más no se imprimen.",
    ),
    new_events: Plural::two("{n} evento nuevo", "{n} eventos nuevos"),
    today: "Hoy",
    ongoing: "en curso",
    years_ago: |n| {
        if ends_in_big_noun(n) {
            format!("hace {n} de años")
        } else {
            format!("hace {n} años")
        }
    },
    year_n: "año {n}",
    times_in: "Horas: {zone}",
    rule: one_other,
};

pub static AR: Strings = Strings {
    lang: "ar",
    timeline: "الخط الزمني",
    zoom: "التكبير والتصغير",
    zoom_in: "تكبير",
    zoom_out: "تصغير",
    show_all: "عرض الكل",
    show_all_events: "عرض كل الأحداث",
    zoom_hint: "Ctrl + التمرير للتكبير",
    search: "البحث في الأحداث",
    filter_by_tag: "التصفية حسب الوسم",
    importance: "الأهمية",
    all_events: "كل الأحداث",
    important_events: "الأحداث المهمة",
    key_events: "الأحداث الرئيسية فقط",
    no_events: "لا توجد أحداث لعرضها.",
    no_match: "لا توجد أحداث مطابقة.",
    date_range: "النطاق الزمني",
    show_from: "عرض الأحداث من",
    show_until: "عرض الأحداث حتى",
    first_event: "الحدث الأول",
    last_event: "الحدث الأخير",
    close: "إغلاق",
    previous: "السابق",
    next: "التالي",
    other_events: "أحداث أخرى",
    tags: "الوسوم",
    source: "المصدر: ",
    copy_link: "نسخ الرابط",
    link_copied: "تم نسخ الرابط",
    view_media: "عرض الوسائط",
    filter: "تصفية",
    done: "تم",
    other: "أخرى",
    position: "{n} من {m}",
    active: Plural {
        zero: "لا شيء نشط",
        one: "واحد نشط",
        two: "اثنان نشطان",
        few: "{n} نشطة",
        many: "{n} نشطًا",
        other: "{n} نشط",
    },
    events: Plural {
        zero: "لا أحداث",
        one: "حدث واحد",
        two: "حدثان",
        few: "{n} أحداث",
        many: "{n} حدثًا",
        other: "{n} حدث",
    },
    shown_of: Plural {
        zero: "{n} من {m} حدث",
        one: "{n} من حدث واحد",
        two: "{n} من حدثين",
        few: "{n} من {m} أحداث",
        many: "{n} من {m} حدثًا",
        other: "{n} من {m} حدث",
    },
    shown_of_by_shown: false,
    more_events: Plural {
        zero: "لا أحداث أخرى",
        one: "حدث آخر: تكبير",
        two: "حدثان آخران: تكبير",
        few: "{n} أحداث أخرى: تكبير",
        many: "{n} حدثًا آخر: تكبير",
        other: "{n} حدث آخر: تكبير",
    },
    problems: Plural {
        zero: "لا مشكلات في البيانات (تصحيح)",
        one: "مشكلة واحدة في البيانات (تصحيح)",
        two: "مشكلتان في البيانات (تصحيح)",
        few: "{n} مشكلات في البيانات (تصحيح)",
        many: "{n} مشكلةً في البيانات (تصحيح)",
        other: "{n} مشكلة في البيانات (تصحيح)",
    },
    not_printed: Plural {
        zero: "لا أحداث أخرى غير مطبوعة.",
        one: "لم يُطبع حدث آخر.",
        two: "لم يُطبع حدثان آخران.",
        few: "لم تُطبع {n} أحداث أخرى.",
        many: "لم يُطبع {n} حدثًا آخر.",
        other: "لم يُطبع {n} حدث آخر.",
    },
    new_events: Plural {
        zero: "لا أحداث جديدة",
        one: "حدث جديد واحد",
        two: "حدثان جديدان",
        few: "{n} أحداث جديدة",
        many: "{n} حدثًا جديدًا",
        other: "{n} حدث جديد",
    },
    today: "اليوم",
    ongoing: "مستمر",
    years_ago: |n| format!("قبل {n} سنة"),
    year_n: "سنة {n}",
    times_in: "الأوقات حسب {zone}",
    rule: arabic_rule,
};

/// The strings and number formats of a widget's language.
#[derive(Clone, Copy)]
pub struct Text {
    /// The language's table.
    pub s: &'static Strings,
    numbers: StoredValue<Numbers, LocalStorage>,
}

/// `Intl.NumberFormat`s for one language, made on first use.
struct Numbers {
    lang: String,
    plain: Option<Intl::NumberFormat>,
    badge: Option<Intl::NumberFormat>,
}

impl Text {
    /// The strings and numbers of the BCP 47 language `lang`.
    pub fn new(lang: &str) -> Text {
        Text {
            s: Strings::for_lang(lang),
            numbers: StoredValue::new_local(Numbers {
                lang: lang.to_owned(),
                plain: None,
                badge: None,
            }),
        }
    }

    /// `n` in the language's digits and grouping: "1,234", "1.234", "١٬٢٣٤".
    pub fn number(&self, n: usize) -> String {
        self.format(n, false)
    }

    /// A badge's "+N", compact: "+12", "+1.2K".
    pub fn badge(&self, n: usize) -> String {
        self.format(n, true)
    }

    /// "12 events".
    pub fn events(&self, n: usize) -> String {
        self.s.count(&self.s.events, n as u64, &self.number(n))
    }

    /// "3 of 12 events".
    pub fn shown_of(&self, shown: usize, total: usize) -> String {
        self.s.shown_of(
            shown as u64,
            total as u64,
            &self.number(shown),
            &self.number(total),
        )
    }

    /// "12 more events: zoom in".
    pub fn more_events(&self, n: usize) -> String {
        self.s.count(&self.s.more_events, n as u64, &self.number(n))
    }

    /// "3 of 7": an event's place in its lane.
    pub fn position(&self, n: usize, of: usize) -> String {
        self.s
            .position
            .replace("{n}", &self.number(n))
            .replace("{m}", &self.number(of))
    }

    /// "2 active" (filters).
    pub fn active(&self, n: usize) -> String {
        self.s.count(&self.s.active, n as u64, &self.number(n))
    }

    /// "12 more events are not printed."
    pub fn not_printed(&self, n: usize) -> String {
        self.s.count(&self.s.not_printed, n as u64, &self.number(n))
    }

    /// "2 data problems (debug)".
    pub fn problems(&self, n: usize) -> String {
        self.s.count(&self.s.problems, n as u64, &self.number(n))
    }

    /// "3 new events".
    pub fn new_events(&self, n: usize) -> String {
        self.s.count(&self.s.new_events, n as u64, &self.number(n))
    }

    fn format(&self, n: usize, badge: bool) -> String {
        let formatter = self.numbers.try_update_value(|numbers| {
            let slot = if badge {
                &mut numbers.badge
            } else {
                &mut numbers.plain
            };
            slot.get_or_insert_with(|| {
                let opts = Object::new();
                if badge {
                    set(&opts, "notation", "compact");
                    set(&opts, "signDisplay", "always");
                }
                Intl::NumberFormat::new(&Array::of1(&JsValue::from_str(&numbers.lang)), &opts)
            })
            .clone()
        });
        formatter
            .and_then(|f| {
                f.format()
                    .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
                    .ok()
            })
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| {
                if badge {
                    format!("+{n}")
                } else {
                    n.to_string()
                }
            })
    }
}

fn set(target: &Object, key: &str, value: &str) {
    let _ = Reflect::set(target, &JsValue::from_str(key), &JsValue::from_str(value));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every table, for checks that must hold in each language.
    const ALL: [&Strings; 5] = [&EN, &DE, &FR, &ES, &AR];

    #[test]
    fn picks_the_table_by_primary_subtag() {
        assert_eq!(Strings::for_lang("de-CH").lang, "de");
        assert_eq!(Strings::for_lang("FR").lang, "fr");
        assert_eq!(Strings::for_lang("es_419").lang, "es");
        assert_eq!(Strings::for_lang("ar-EG-u-nu-latn").lang, "ar");
        assert_eq!(Strings::for_lang("en-GB").lang, "en");
        // No table: English.
        assert_eq!(Strings::for_lang("ja").lang, "en");
        assert_eq!(Strings::for_lang("").lang, "en");
        // "de" is not a prefix match: "dsb" (Lower Sorbian) is not German.
        assert_eq!(Strings::for_lang("dsb").lang, "en");
    }

    #[test]
    fn right_to_left_by_language_or_script() {
        for tag in ["ar", "ar-EG", "he", "iw", "fa-IR", "ur", "az-Arab", "AR"] {
            assert!(is_rtl(tag), "{tag}");
        }
        for tag in [
            "en",
            "de",
            "fr",
            "es-MX",
            "arn",
            "uz-Latn",
            "ar-Latn",
            "",
            "sr-Cyrl-RS",
        ] {
            assert!(!is_rtl(tag), "{tag}");
        }
    }

    #[test]
    fn english_counts() {
        assert_eq!(EN.count(&EN.events, 0, "0"), "0 events");
        assert_eq!(EN.count(&EN.events, 1, "1"), "1 event");
        assert_eq!(EN.count(&EN.events, 10_000, "10,000"), "10,000 events");
        assert_eq!(EN.shown_of(2, 4, "2", "4"), "2 of 4 events");
        assert_eq!(EN.count(&EN.more_events, 1, "1"), "1 more event: zoom in");
        assert_eq!(EN.count(&EN.new_events, 3, "3"), "3 new events");
    }

    #[test]
    fn french_zero_and_one_are_singular_and_follow_the_shown_count() {
        assert_eq!(FR.count(&FR.events, 0, "0"), "0 événement");
        assert_eq!(FR.count(&FR.events, 1, "1"), "1 événement");
        assert_eq!(FR.count(&FR.events, 2, "2"), "2 événements");
        assert_eq!(FR.shown_of(1, 4, "1", "4"), "1 événement sur 4");
        assert_eq!(FR.shown_of(3, 4, "3", "4"), "3 événements sur 4");
    }

    #[test]
    fn german_and_spanish_follow_the_total() {
        assert_eq!(DE.shown_of(2, 4, "2", "4"), "2 von 4 Ereignissen");
        assert_eq!(DE.shown_of(1, 1, "1", "1"), "1 von 1 Ereignis");
        assert_eq!(ES.shown_of(1, 4, "1", "4"), "1 de 4 eventos");
    }

    #[test]
    fn arabic_has_six_forms() {
        let events = |n: u64| AR.count(&AR.events, n, &n.to_string());
        assert_eq!(events(0), "لا أحداث");
        assert_eq!(events(1), "حدث واحد");
        assert_eq!(events(2), "حدثان");
        assert_eq!(events(3), "3 أحداث");
        assert_eq!(events(10), "10 أحداث");
        assert_eq!(events(11), "11 حدثًا");
        assert_eq!(events(99), "99 حدثًا");
        assert_eq!(events(100), "100 حدث");
        assert_eq!(events(102), "102 حدث");
        assert_eq!(events(103), "103 أحداث");
        assert_eq!(events(111), "111 حدثًا");
        assert_eq!(AR.shown_of(2, 14, "2", "14"), "2 من 14 حدثًا");
    }

    #[test]
    fn years_ago_joins_big_nouns_with_de() {
        assert_eq!(
            (FR.years_ago)("13,8\u{a0}milliards"),
            "il y a 13,8\u{a0}milliards d’années"
        );
        assert_eq!((FR.years_ago)("1,5 million"), "il y a 1,5 million d’années");
        assert_eq!((FR.years_ago)("272 mille"), "il y a 272 mille ans");
        assert_eq!(
            (ES.years_ago)("13,8 mil millones"),
            "hace 13,8 mil millones de años"
        );
        assert_eq!((ES.years_ago)("272 mil"), "hace 272 mil años");
        assert_eq!((EN.years_ago)("13.8 billion"), "13.8 billion years ago");
    }

    #[test]
    fn every_form_that_needs_a_number_has_one() {
        for s in ALL {
            for phrase in [&s.events, &s.more_events, &s.problems, &s.new_events] {
                for n in [0, 1, 2, 3, 11, 100, 1000] {
                    let text = s.count(phrase, n, "#");
                    assert!(!text.contains('{'), "{}: {text}", s.lang);
                    // Only Arabic spells out none, one and two.
                    if s.lang != "ar" || n > 2 {
                        assert!(text.contains('#'), "{}: {text}", s.lang);
                    }
                }
            }
            for (shown, total) in [(0, 0), (1, 1), (1, 2), (3, 11), (5, 100)] {
                let text = s.shown_of(shown, total, "#", "@");
                assert!(
                    text.contains('#') && !text.contains('{'),
                    "{}: {text}",
                    s.lang
                );
            }
            assert!(s.year_n.contains("{n}"));
            assert!(s.times_in.contains("{zone}"), "{}", s.lang);
        }
    }
}
