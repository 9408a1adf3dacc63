//! Pagination: distributing a column of blocks over pages.
//!
//! Blocks are placed first fit. A block that does not fit in what is left of the page may
//! have shorter versions of itself (an exercise card with smaller pictures); the first of
//! them that fits is placed instead. When none does, the page ends at the last point where
//! a break is allowed, so a heading moves with what follows it and a paragraph never
//! leaves a single line behind. A page always takes at least one block, so pagination
//! ends even when a block is taller than the page.

use super::frame::Frame;

/// One unbreakable piece of the flow.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Block {
    pub frame: Frame,
    /// Space above the block; dropped at the top of a page.
    pub space_before: f32,
    /// Whether the page may end just before this block.
    pub break_before: bool,
    /// Drawn above this block when it starts a page, e.g. "Split squat (continued)".
    pub continuation: Option<Frame>,
    /// The block starts a new page.
    pub new_page: bool,
    /// Shorter versions of `frame`, tallest first, each with the same content: placed
    /// where `frame` does not fit and one of them does.
    pub shorter: Vec<Frame>,
}

impl Block {
    pub fn new(frame: Frame, space_before: f32) -> Block {
        Block {
            frame,
            space_before,
            break_before: true,
            continuation: None,
            new_page: false,
            shorter: Vec::new(),
        }
    }

    /// The version placed in `slot`.
    pub fn frame_in(&self, slot: &Slot) -> &Frame {
        match slot.version {
            0 => &self.frame,
            shorter => &self.shorter[shorter - 1],
        }
    }

    /// The tallest version from the `least`th on no taller than `room`: 0 for `frame`,
    /// then the shorter ones.
    fn version_within(&self, least: usize, room: f32) -> Option<usize> {
        std::iter::once(&self.frame)
            .chain(&self.shorter)
            .enumerate()
            .skip(least)
            .find(|(_, frame)| frame.height <= room + 0.01)
            .map(|(version, _)| version)
    }

    /// The block may not start a page: it stays with the one before it.
    pub fn keep_with_previous(mut self) -> Block {
        self.break_before = false;
        self
    }
}

/// A block's place on a page: its index in the flow and the top of its frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    pub block: usize,
    pub top: f32,
    /// Whether the block's continuation header is drawn above it.
    pub continued: bool,
    /// Which version of the block is placed: 0 its frame, `n` its `n`th shorter one.
    pub version: usize,
}

/// How much of each page the flow may fill: the first page has the full header, the
/// others a slim one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Heights {
    pub first: f32,
    pub rest: f32,
}

impl Heights {
    pub fn of(&self, page: usize) -> f32 {
        if page == 0 {
            self.first
        } else {
            self.rest
        }
    }
}

/// Splits `blocks` into pages of the `heights` given; returns each page's slots.
///
/// Blocks are placed at their largest where they fit; then, last first, each block that
/// has shorter versions is tried shorter from the start, and kept so where that takes
/// fewer pages (a card with smaller pictures that lets the closing words share its page).
pub fn paginate(blocks: &[Block], heights: Heights) -> Vec<Vec<Slot>> {
    let mut least = vec![0; blocks.len()];
    let mut best = paginate_from(blocks, heights, &least);
    for index in (0..blocks.len()).rev() {
        for version in 1..=blocks[index].shorter.len() {
            least[index] = version;
            let pages = paginate_from(blocks, heights, &least);
            if pages.len() < best.len() {
                best = pages;
                break;
            }
            if version == blocks[index].shorter.len() {
                least[index] = 0;
            }
        }
    }
    best
}

/// Paginates with each block in version `least[block]` or a shorter one.
fn paginate_from(blocks: &[Block], heights: Heights, least: &[usize]) -> Vec<Vec<Slot>> {
    let mut pages = Vec::new();
    let mut next = 0;
    while next < blocks.len() {
        let page = heights.of(pages.len());
        let (slots, end) = fill_page(blocks, least, next, page, heights.rest);
        pages.push(slots);
        next = end;
    }
    pages
}

/// Fills one page of `height` starting at block `start`, each block in version
/// `least[block]` or shorter, the pages after it being `next_height`; returns its slots and
/// the first block left over.
fn fill_page(
    blocks: &[Block],
    least: &[usize],
    start: usize,
    height: f32,
    next_height: f32,
) -> (Vec<Slot>, usize) {
    let mut slots: Vec<Slot> = Vec::new();
    let mut y = 0.0;
    for (index, block) in blocks.iter().enumerate().skip(start) {
        let first = slots.is_empty();
        let space = if first { 0.0 } else { block.space_before };
        let header = match (&block.continuation, first) {
            (Some(header), true) => header.height,
            _ => 0.0,
        };
        if block.new_page && !first {
            return (slots, index);
        }
        let top = y + space + header;
        let version = block.version_within(least[index], height - top);
        if first || version.is_some() {
            let version = version.unwrap_or(block.shorter.len());
            let slot = Slot {
                block: index,
                top,
                continued: header > 0.0,
                version,
            };
            y = top + block.frame_in(&slot).height;
            slots.push(slot);
            continue;
        }
        let mut end = last_break(blocks, start, index);
        // Moving the chain would not help if it cannot fit on a page of its own.
        if chain_height(&blocks[end..=index]) > next_height + 0.01 {
            end = index;
        }
        slots.truncate(end - start);
        return (slots, end);
    }
    (slots, blocks.len())
}

/// How short `chain` can be when it starts a page.
fn chain_height(chain: &[Block]) -> f32 {
    chain
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let shortest = block.shorter.last().unwrap_or(&block.frame);
            shortest.height + if i == 0 { 0.0 } else { block.space_before }
        })
        .sum()
}

/// The latest block in `start+1..=at` before which the page may end; `at` when there is none.
fn last_break(blocks: &[Block], start: usize, at: usize) -> usize {
    (start + 1..=at)
        .rev()
        .find(|&i| blocks[i].break_before)
        .unwrap_or(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(height: f32) -> Block {
        Block::new(Frame::new(height), 10.0)
    }

    fn same(height: f32) -> Heights {
        Heights {
            first: height,
            rest: height,
        }
    }

    fn pages_of(blocks: &[Block], height: f32) -> Vec<Vec<usize>> {
        paginate(blocks, same(height))
            .iter()
            .map(|page| page.iter().map(|slot| slot.block).collect())
            .collect()
    }

    #[test]
    fn fills_pages_in_order_and_drops_space_at_the_top() {
        let blocks = vec![block(40.0), block(40.0), block(40.0)];
        let pages = paginate(&blocks, same(95.0));
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0][1].top, 50.0);
        assert_eq!(pages[1][0].top, 0.0);
    }

    #[test]
    fn a_heading_moves_to_the_next_page_with_its_content() {
        // heading, then a card that must stay with it
        let blocks = vec![block(60.0), block(20.0), block(50.0).keep_with_previous()];
        assert_eq!(pages_of(&blocks, 100.0), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn a_chain_that_cannot_break_still_ends_the_page_somewhere() {
        let blocks = vec![
            block(30.0),
            block(30.0).keep_with_previous(),
            block(30.0).keep_with_previous(),
            block(30.0).keep_with_previous(),
        ];
        let pages = pages_of(&blocks, 70.0);
        assert_eq!(pages.concat(), vec![0, 1, 2, 3]);
        assert!(pages.len() >= 2);
    }

    #[test]
    fn a_chain_taller_than_a_page_is_broken_where_the_page_ends() {
        // A title, then a heading kept with a box too tall to share any page with it:
        // the title's page takes the heading rather than standing alone.
        let blocks = vec![block(20.0), block(20.0), block(90.0).keep_with_previous()];
        assert_eq!(pages_of(&blocks, 100.0), vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn a_block_can_ask_for_a_new_page() {
        let mut blocks = vec![block(10.0), block(10.0), block(10.0)];
        blocks[1].new_page = true;
        assert_eq!(pages_of(&blocks, 100.0), vec![vec![0], vec![1, 2]]);
    }

    #[test]
    fn a_block_taller_than_the_page_gets_a_page_of_its_own() {
        let blocks = vec![block(10.0), block(500.0), block(10.0)];
        assert_eq!(pages_of(&blocks, 100.0), vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn a_continuation_header_is_drawn_only_at_the_top_of_a_page() {
        let mut blocks = vec![block(60.0), block(30.0), block(30.0)];
        for b in &mut blocks[1..] {
            b.continuation = Some(Frame::new(15.0));
        }
        let pages = paginate(&blocks, same(100.0));
        assert!(!pages[0][0].continued);
        assert_eq!(pages[1][0].block, 2);
        assert!(pages[1][0].continued);
        assert_eq!(pages[1][0].top, 15.0);
    }

    #[test]
    fn a_shorter_version_is_placed_where_the_block_does_not_fit() {
        let mut card = block(70.0);
        card.shorter = vec![Frame::new(55.0), Frame::new(45.0)];
        let blocks = vec![block(40.0), card.clone()];
        let pages = paginate(&blocks, same(100.0));
        assert_eq!(
            pages.len(),
            1,
            "the 45 pt version fits below the first block"
        );
        assert_eq!(pages[0][1].version, 2);
        assert_eq!(blocks[1].frame_in(&pages[0][1]).height, 45.0);
        // Where the block fits whole it is placed whole.
        let pages = paginate(&[card.clone()], same(100.0));
        assert_eq!(pages[0][0].version, 0);
        // On a page of its own, too tall for any version: the shortest.
        let pages = paginate(&[card], same(30.0));
        assert_eq!(pages[0][0].version, 2);
    }

    #[test]
    fn the_first_page_may_hold_less_than_the_others() {
        let blocks = vec![block(40.0), block(40.0), block(40.0), block(40.0)];
        let heights = Heights {
            first: 60.0,
            rest: 100.0,
        };
        let pages: Vec<usize> = paginate(&blocks, heights).iter().map(Vec::len).collect();
        assert_eq!(pages, [1, 2, 1]);
    }

    #[test]
    fn every_block_is_placed_once_whatever_the_heights() {
        let heights = [5.0, 80.0, 33.0, 120.0, 7.0, 64.0, 64.0, 1.0, 99.0];
        let blocks: Vec<Block> = heights
            .iter()
            .enumerate()
            .map(|(i, &h)| {
                let b = block(h);
                if i % 3 == 2 {
                    b.keep_with_previous()
                } else {
                    b
                }
            })
            .collect();
        let placed: Vec<usize> = pages_of(&blocks, 100.0).concat();
        assert_eq!(placed, (0..heights.len()).collect::<Vec<_>>());
    }
}
