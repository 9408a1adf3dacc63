# American English: the English catalogue (en.ftl) with these messages in place of its own.
# A regional file holds only what differs from its language's.

date =
    { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $day }, { $year }
