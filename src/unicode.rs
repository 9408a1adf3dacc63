//! Facts about characters that every stage needs: which ones print, and what stands in
//! for one no font has.

/// What the fallback face draws for a character no bundled face has: visible, and
/// copied as the character it stands for.
pub const REPLACEMENT: char = '\u{FFFD}';

/// Whether `c` needs a glyph of its own: not white space, a control character or a
/// character Unicode says to show as nothing (shaping hides those the face lacks).
pub fn shows(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || is_default_ignorable(c))
}

/// The characters Unicode says to show as nothing (Default_Ignorable_Code_Point): zero-width
/// spaces and joiners, direction marks, variation selectors, the byte order mark, the soft
/// hyphen, fillers and tags.
fn is_default_ignorable(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'..='\u{1160}'
            | '\u{17B4}'..='\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}
