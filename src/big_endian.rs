//! Reading the big-endian numbers of binary file formats (fonts, JPEG), where a
//! damaged file may end early: a read past the end is `None`, never a panic.

pub fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(
        data.get(at..at.checked_add(2)?)?.try_into().ok()?,
    ))
}

pub fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(
        data.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_past_the_end_are_none() {
        let data = [0x12, 0x34, 0x56, 0x78];
        assert_eq!(u16_at(&data, 1), Some(0x3456));
        assert_eq!(u32_at(&data, 0), Some(0x1234_5678));
        assert_eq!(u16_at(&data, 3), None);
        assert_eq!(u32_at(&data, 1), None);
        assert_eq!(u32_at(&data, usize::MAX), None);
    }
}
