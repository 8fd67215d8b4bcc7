"""TIMEX3 tagging and normalisation on news-style sentences (TimeML / TempEval-3 conventions)."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from parley.nlp import parse
from parley.pipeline import records
from parley.stages.timexes import timexes

SUNDAY = "2021-10-24"  # the default publication date: a Sunday
SEED = Path(__file__).resolve().parents[2] / "seeds" / "2021-10-24-iranian-azerbaijani-fms-hold-phone-talks.md"
AUG11 = "On August 11 the envoy was summoned. "


def tag(nlp, text: str, published: str | None = SUNDAY):
    """Timexes of ``text`` (the session's ``nlp`` fixture loads the pipeline once)."""
    return timexes(parse(text), published=dt.date.fromisoformat(published) if published else None)


def day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


# (sentence, published, expected text, type, value, mod, date_start, date_end)
CASES = [
    # explicit dates
    ("The ministers met on August 11.", SUNDAY, "August 11", "DATE", "2021-08-11", "", "2021-08-11", "2021-08-11"),
    ("They met on Aug. 11 in Baku.", SUNDAY, "Aug. 11", "DATE", "2021-08-11", "", "2021-08-11", "2021-08-11"),
    ("The accord was signed on 11 August 2021.", SUNDAY, "11 August 2021", "DATE", "2021-08-11", "", "2021-08-11", "2021-08-11"),
    ("On August 11, 2021, the ministry issued a statement.", SUNDAY, "August 11, 2021", "DATE", "2021-08-11", "",
     "2021-08-11", "2021-08-11"),
    ("The report is dated 2021-08-11.", SUNDAY, "2021-08-11", "DATE", "2021-08-11", "", "2021-08-11", "2021-08-11"),
    ("The ministers will meet on 11/16/2021.", SUNDAY, "11/16/2021", "DATE", "2021-11-16", "", "2021-11-16", "2021-11-16"),
    ("The JCPOA was signed on July 14, 2015.", SUNDAY, "July 14, 2015", "DATE", "2015-07-14", "", "2015-07-14", "2015-07-14"),
    ("The JCPOA was signed on 14th July, 2015.", SUNDAY, "14th July, 2015", "DATE", "2015-07-14", "", "2015-07-14",
     "2015-07-14"),
    ("The talks were held on the 3rd of May.", SUNDAY, "the 3rd of May", "DATE", "2021-05-03", "", "2021-05-03", "2021-05-03"),
    ("The ministers met on October 5th.", SUNDAY, "October 5th", "DATE", "2021-10-05", "", "2021-10-05", "2021-10-05"),
    ("The meeting took place on Saturday, October 23, 2021.", SUNDAY, "Saturday, October 23, 2021", "DATE", "2021-10-23",
     "", "2021-10-23", "2021-10-23"),
    ("The talks will resume on November 3.", SUNDAY, "November 3", "DATE", "2021-11-03", "", "2021-11-03", "2021-11-03"),
    ("The summit was held on November 3.", SUNDAY, "November 3", "DATE", "2020-11-03", "", "2020-11-03", "2020-11-03"),
    ("The ceasefire was agreed on the 29th, officials said.", SUNDAY, "the 29th", "DATE", "2021-09-29", "", "2021-09-29",
     "2021-09-29"),
    ("In March 2019, talks began. On the 29th, they collapsed.", SUNDAY, "the 29th", "DATE", "2019-03-29", "", "2019-03-29",
     "2019-03-29"),
    ("Talks resumed in 2020.", SUNDAY, "2020", "DATE", "2020", "", "2020-01-01", "2020-12-31"),
    ("Borders changed during a 2020 war.", SUNDAY, "2020", "DATE", "2020", "", "2020-01-01", "2020-12-31"),
    ("The 2020 elections were disputed.", SUNDAY, "2020", "DATE", "2020", "", "2020-01-01", "2020-12-31"),
    # a range is two TIMEX3s (TimeML): the second year of "1957-58" is 1958
    ("She led the survey of 1983-84, which mapped the glacier.", SUNDAY, "84", "DATE", "1984", "", "1984-01-01",
     "1984-12-31"),
    ("She led the survey of 1983-84, which mapped the glacier.", SUNDAY, "1983", "DATE", "1983", "", "1983-01-01",
     "1983-12-31"),
    ("The 2014-2015 drought ruined the harvest.", SUNDAY, "2015", "DATE", "2015", "", "2015-01-01", "2015-12-31"),
    ("The 2016/17 budget was cut.", SUNDAY, "17", "DATE", "2017", "", "2017-01-01", "2017-12-31"),
    ("Prices rose in August 2021.", SUNDAY, "August 2021", "DATE", "2021-08", "", "2021-08-01", "2021-08-31"),
    ("The agreement of August 2015 collapsed in May 2018.", SUNDAY, "May 2018", "DATE", "2018-05", "", "2018-05-01", "2018-05-31"),
    ("The deal was signed in August last year.", SUNDAY, "August last year", "DATE", "2020-08", "", "2020-08-01", "2020-08-31"),
    ("The envoy visited Moscow last August.", SUNDAY, "last August", "DATE", "2021-08", "", "2021-08-01", "2021-08-31"),
    ("TEHRAN, Jan. 23 (MNA) – Iran summoned the envoy.", "2022-01-24", "Jan. 23", "DATE", "2022-01-23", "", "2022-01-23",
     "2022-01-23"),
    # wire copy: a script header's numeric date, a wire time stamp (the zone is in the span, not the value)
    ("DATE=11/4/2019\nTYPE=CORRESPONDENT REPORT", "2019-11-04", "11/4/2019", "DATE", "2019-11-04", "", "2019-11-04",
     "2019-11-04"),
    ("Envoys met in Vienna.\n21-Feb-2011 14:05 PM EST (21-Feb-2011 1905 UTC)", "2011-02-21", "21-Feb-2011 14:05 PM EST",
     "TIME", "2011-02-21T14:05", "", "2011-02-21", "2011-02-21"),
    ("Envoys met in Vienna.\n21-Feb-2011 14:05 PM EST (21-Feb-2011 1905 UTC)", "2011-02-21", "21-Feb-2011 1905 UTC",
     "TIME", "2011-02-21T19:05", "", "2011-02-21", "2011-02-21"),
    ("The accord is dated 09-Sep-1999.", SUNDAY, "09-Sep-1999", "DATE", "1999-09-09", "", "1999-09-09", "1999-09-09"),
    ("The shelling began at 6 a.m. local time.", SUNDAY, "6 a.m. local time", "TIME", "2021-10-24T06:00", "",
     "2021-10-24", "2021-10-24"),
    ("MS. LEE: Good afternoon. 11:04 A.M. EST", SUNDAY, "11:04 A.M. EST", "TIME", "2021-10-24T11:04", "", "2021-10-24",
     "2021-10-24"),
    ("The curfew starts at 22:00 GMT.", SUNDAY, "22:00 GMT", "TIME", "2021-10-24T22:00", "", "2021-10-24", "2021-10-24"),
    # an agency's header stamp (day/month/year - hour h minutes) and "17h30" clocks
    ("Posted 27/11/2019 - 8h30\n\nThe envoy arrived in Lima.", "2019-11-27", "27/11/2019 - 8h30", "TIME",
     "2019-11-27T08:30", "", "2019-11-27", "2019-11-27"),
    ("The polls closed at 17h30 on Friday.", SUNDAY, "17h30", "TIME", "2021-10-22T17:30", "", "2021-10-22", "2021-10-22"),
    ("The envoys landed at 6h05 local time.", SUNDAY, "6h05 local time", "TIME", "2021-10-24T06:05", "", "2021-10-24",
     "2021-10-24"),
    # an all-numeric date either way round: the reading nearest publication; a number over 12 is the day
    ("The decree of 04/03/2021 was annulled.", "2021-03-06", "04/03/2021", "DATE", "2021-03-04", "", "2021-03-04",
     "2021-03-04"),
    ("The decree of 04/03/2021 was annulled.", "2021-04-05", "04/03/2021", "DATE", "2021-04-03", "", "2021-04-03",
     "2021-04-03"),
    ("The decree of 04/03/2021 was annulled.", None, "04/03/2021", "DATE", "2021-04-03", "", "2021-04-03", "2021-04-03"),
    ("The decree of 25/03/2021 was annulled.", "2021-12-03", "25/03/2021", "DATE", "2021-03-25", "", "2021-03-25",
     "2021-03-25"),
    # "look forward to": the next occurrence (nearest from a past viewpoint)
    ("The premier looks forward to hosting the emir again in Doha in March.", "2019-05-10", "March", "DATE", "2020-03", "",
     "2020-03-01", "2020-03-31"),
    ("She looks forward to the visit in January.", "2019-05-10", "January", "DATE", "2020-01", "", "2020-01-01",
     "2020-01-31"),
    ("He said he looked forward to seeing her on Monday.", "2019-05-10", "Monday", "DATE", "2019-05-13", "",
     "2019-05-13", "2019-05-13"),
    ("The premier looks back on the talks in March.", "2019-05-10", "March", "DATE", "2019-03", "", "2019-03-01",
     "2019-03-31"),
    # business and European forms: quarter codes, fiscal years, year-end, day-first dotted dates
    ("Exports fell in Q2 2019.", SUNDAY, "Q2 2019", "DATE", "2019-Q2", "", "2019-04-01", "2019-06-30"),
    ("The tender closes in H2 2023.", SUNDAY, "H2 2023", "DATE", "2023-H2", "", "2023-07-01", "2023-12-31"),
    ("Aid was cut in fiscal 2019.", SUNDAY, "fiscal 2019", "DATE", "FY2019", "", None, None),
    ("Aid was cut in fiscal year 2019.", SUNDAY, "fiscal year 2019", "DATE", "FY2019", "", None, None),
    ("The FY2020 budget was tabled.", SUNDAY, "FY2020", "DATE", "FY2020", "", None, None),
    ("The pipeline will be finished by year-end.", SUNDAY, "year-end", "DATE", "2021", "END", "2021-09-01", "2021-12-31"),
    ("The protocol was signed in Oslo on 14.02.2018.", SUNDAY, "14.02.2018", "DATE", "2018-02-14", "", "2018-02-14",
     "2018-02-14"),
    # weekdays: past tense -> on or before publication, future -> on or after
    ("The two ministers spoke on Saturday.", SUNDAY, "Saturday", "DATE", "2021-10-23", "", "2021-10-23", "2021-10-23"),
    ("Commenting on Saturday’s conversation, he said it was frank.", SUNDAY, "Saturday", "DATE", "2021-10-23", "",
     "2021-10-23", "2021-10-23"),
    ("Also on Saturday, the office opened accounts on Twitter.", SUNDAY, "Saturday", "DATE", "2021-10-23", "", "2021-10-23",
     "2021-10-23"),
    ("The ministers met on Saturday.", "2021-10-23", "Saturday", "DATE", "2021-10-23", "", "2021-10-23", "2021-10-23"),
    ("It rained on Sunday.", SUNDAY, "Sunday", "DATE", "2021-10-24", "", "2021-10-24", "2021-10-24"),
    ("The envoy returned last Monday.", SUNDAY, "last Monday", "DATE", "2021-10-18", "", "2021-10-18", "2021-10-18"),
    ("The ministers will meet next Tuesday.", SUNDAY, "next Tuesday", "DATE", "2021-10-26", "", "2021-10-26", "2021-10-26"),
    ("The ministers will meet on Tuesday.", SUNDAY, "Tuesday", "DATE", "2021-10-26", "", "2021-10-26", "2021-10-26"),
    ("The ministers will speak on Saturday.", "2021-10-30", "Saturday", "DATE", "2021-10-30", "", "2021-10-30", "2021-10-30"),
    ("The talks are scheduled to take place on Tuesday.", SUNDAY, "Tuesday", "DATE", "2021-10-26", "", "2021-10-26",
     "2021-10-26"),
    ("Iran is hosting the talks on Tuesday.", SUNDAY, "Tuesday", "DATE", "2021-10-26", "", "2021-10-26", "2021-10-26"),
    ("They had agreed to meet again on Friday.", "2021-10-20", "Friday", "DATE", "2021-10-22", "", "2021-10-22", "2021-10-22"),
    ("The ministers met Saturday evening.", SUNDAY, "Saturday evening", "TIME", "2021-10-23TEV", "", "2021-10-23",
     "2021-10-23"),
    # months and seasons without a year; mods narrow the interval
    ("The tensions began in early August.", SUNDAY, "early August", "DATE", "2021-08", "START", "2021-08-01", "2021-08-10"),
    ("Trade fell in mid-August.", SUNDAY, "mid-August", "DATE", "2021-08", "MID", "2021-08-11", "2021-08-20"),
    ("The talks collapsed in late August.", SUNDAY, "late August", "DATE", "2021-08", "END", "2021-08-21", "2021-08-31"),
    ("Exports fell in March 2020 and recovered by the end of year.", SUNDAY, "the end of year", "DATE", "2020", "END",
     "2020-09-01", "2020-12-31"),
    ("The truce held until the end of September.", SUNDAY, "the end of September", "DATE", "2021-09", "END", "2021-09-21",
     "2021-09-30"),
    ("The talks resumed in October.", SUNDAY, "October", "DATE", "2021-10", "", "2021-10-01", "2021-10-31"),
    ("The talks will resume in December.", SUNDAY, "December", "DATE", "2021-12", "", "2021-12-01", "2021-12-31"),
    ("The talks were suspended in December.", SUNDAY, "December", "DATE", "2020-12", "", "2020-12-01", "2020-12-31"),
    ("The talks will take place in May.", SUNDAY, "May", "DATE", "2022-05", "", "2022-05-01", "2022-05-31"),
    ("Protesters held a march in March.", SUNDAY, "March", "DATE", "2021-03", "", "2021-03-01", "2021-03-31"),
    ("A visit could follow as early as July.", "2023-05-11", "July", "DATE", "2023-07", "", "2023-07-01", "2023-07-31"),
    ("Growth slowed in early 2021.", SUNDAY, "early 2021", "DATE", "2021", "START", "2021-01-01", "2021-04-30"),
    ("Growth will pick up in mid-2021.", SUNDAY, "mid-2021", "DATE", "2021", "MID", "2021-05-01", "2021-08-31"),
    ("The treaty expires at the end of 2021.", SUNDAY, "the end of 2021", "DATE", "2021", "END", "2021-09-01", "2021-12-31"),
    ("Tourism recovered this summer.", SUNDAY, "this summer", "DATE", "2021-SU", "", "2021-06-01", "2021-08-31"),
    ("Trade collapsed last winter.", SUNDAY, "last winter", "DATE", "2020-WI", "", "2020-12-01", "2021-02-28"),
    ("The visit is planned for next summer.", SUNDAY, "next summer", "DATE", "2022-SU", "", "2022-06-01", "2022-08-31"),
    ("The summer of 2021 was hot.", SUNDAY, "The summer of 2021", "DATE", "2021-SU", "", "2021-06-01", "2021-08-31"),
    ("The talks will resume in the spring.", SUNDAY, "the spring", "DATE", "2022-SP", "", "2022-03-01", "2022-05-31"),
    ("Snow closed the pass in early winter.", SUNDAY, "early winter", "DATE", "2020-WI", "START", "2020-12-01", "2020-12-31"),
    ("The economy changed in the 1990s.", SUNDAY, "the 1990s", "DATE", "199", "", "1990-01-01", "1999-12-31"),
    ("Sanctions were eased in the early 1990s.", SUNDAY, "the early 1990s", "DATE", "199", "START", "1990-01-01", "1993-12-31"),
    ("The city was founded in the 19th century.", SUNDAY, "the 19th century", "DATE", "18", "", "1800-01-01", "1899-12-31"),
    ("The shrine dates from the twelfth century.", SUNDAY, "the twelfth century", "DATE", "11", "", "1100-01-01", "1199-12-31"),
    ("Sanctions were lifted in the first quarter of 2021.", SUNDAY, "the first quarter of 2021", "DATE", "2021-Q1", "",
     "2021-01-01", "2021-03-31"),
    ("Trade rose in the third quarter.", SUNDAY, "the third quarter", "DATE", "2021-Q3", "", "2021-07-01", "2021-09-30"),
    ("The second half of 2021 was calm.", SUNDAY, "The second half of 2021", "DATE", "2021-H2", "", "2021-07-01", "2021-12-31"),
    # relative to the publication date
    ("The envoy arrived today.", SUNDAY, "today", "DATE", "2021-10-24", "", "2021-10-24", "2021-10-24"),
    ("The envoy arrived yesterday.", SUNDAY, "yesterday", "DATE", "2021-10-23", "", "2021-10-23", "2021-10-23"),
    ("The envoy will arrive tomorrow.", SUNDAY, "tomorrow", "DATE", "2021-10-25", "", "2021-10-25", "2021-10-25"),
    ("The vote was held the day before yesterday.", SUNDAY, "the day before yesterday", "DATE", "2021-10-22", "",
     "2021-10-22", "2021-10-22"),
    ("Protests erupted last night.", SUNDAY, "last night", "TIME", "2021-10-23TNI", "", "2021-10-23", "2021-10-23"),
    ("The minister spoke this morning.", SUNDAY, "this morning", "TIME", "2021-10-24TMO", "", "2021-10-24", "2021-10-24"),
    ("Officials met this week.", SUNDAY, "this week", "DATE", "2021-W42", "", "2021-10-18", "2021-10-24"),
    ("Officials met last week.", SUNDAY, "last week", "DATE", "2021-W41", "", "2021-10-11", "2021-10-17"),
    ("Officials will meet next week.", SUNDAY, "next week", "DATE", "2021-W43", "", "2021-10-25", "2021-10-31"),
    ("The ministers will meet early next week.", SUNDAY, "early next week", "DATE", "2021-W43", "START", "2021-10-25",
     "2021-10-26"),
    ("The ministers met over the weekend.", SUNDAY, "the weekend", "DATE", "2021-W42-WE", "", "2021-10-23", "2021-10-24"),
    ("The ministers met over the weekend.", "2021-10-20", "the weekend", "DATE", "2021-W41-WE", "", "2021-10-16", "2021-10-17"),
    ("The ministers will meet this weekend.", "2021-10-20", "this weekend", "DATE", "2021-W42-WE", "", "2021-10-23",
     "2021-10-24"),
    ("Officials met last month.", SUNDAY, "last month", "DATE", "2021-09", "", "2021-09-01", "2021-09-30"),
    ("Officials will meet next month.", SUNDAY, "next month", "DATE", "2021-11", "", "2021-11-01", "2021-11-30"),
    ("Earlier this month, the two ministers held a call.", SUNDAY, "Earlier this month", "DATE", "2021-10", "", "2021-10-01",
     "2021-10-24"),
    ("The ministers will meet later this month.", SUNDAY, "later this month", "DATE", "2021-10", "", "2021-10-24", "2021-10-31"),
    ("The law was passed earlier this year.", SUNDAY, "earlier this year", "DATE", "2021", "", "2021-01-01", "2021-10-24"),
    ("Exports grew this year.", SUNDAY, "this year", "DATE", "2021", "", "2021-01-01", "2021-12-31"),
    ("Exports fell last year.", SUNDAY, "last year", "DATE", "2020", "", "2020-01-01", "2020-12-31"),
    ("Exports will grow next year.", SUNDAY, "next year", "DATE", "2022", "", "2022-01-01", "2022-12-31"),
    ("The plan was drafted late last year.", SUNDAY, "late last year", "DATE", "2020", "END", "2020-09-01", "2020-12-31"),
    ("The deal will be signed by the end of the year.", SUNDAY, "the end of the year", "DATE", "2021", "END", "2021-09-01",
     "2021-12-31"),
    ("The embassy reopened a year ago.", SUNDAY, "a year ago", "DATE", "2020", "", "2020-01-01", "2020-12-31"),
    ("The embassy reopened two weeks ago.", SUNDAY, "two weeks ago", "DATE", "2021-W40", "", "2021-10-04", "2021-10-10"),
    ("The envoy left three days ago.", SUNDAY, "three days ago", "DATE", "2021-10-21", "", "2021-10-21", "2021-10-21"),
    ("The envoy left two months ago.", SUNDAY, "two months ago", "DATE", "2021-08", "", "2021-08-01", "2021-08-31"),
    ("It happened about two years ago.", SUNDAY, "about two years ago", "DATE", "2019", "APPROX", "2019-01-01", "2019-12-31"),
    ("It happened more than a year ago.", SUNDAY, "more than a year ago", "DATE", "2020", "BEFORE", "2020-01-01", "2020-12-31"),
    ("A few days ago, the envoy left.", SUNDAY, "A few days ago", "DATE", "PAST_REF", "", None, None),
    ("The debt will be repaid 20 years from now.", SUNDAY, "20 years from now", "DATE", "2041", "", "2041-01-01", "2041-12-31"),
    # a transcript's time stamp is what "minutes ago" counts from; a range is approximate
    ("10:07 A.M. CET\nMR. DUPONT: The call ended about 20, 25 minutes ago.", "2012-05-09", "about 20, 25 minutes ago",
     "TIME", "2012-05-09T09:45", "APPROX", "2012-05-09", "2012-05-09"),
    ("4:30 P.M. EDT\nQ: When did they speak? A: An hour ago.", "2012-05-09", "An hour ago", "TIME", "2012-05-09T15:30", "",
     "2012-05-09", "2012-05-09"),
    ("The session began at 9:30 a.m. The vote ended two hours ago.", "2012-05-09", "two hours ago", "DATE", "2012-05-09",
     "", "2012-05-09", "2012-05-09"),
    ("The rift began 10 to 15 years ago.", SUNDAY, "10 to 15 years ago", "DATE", "2008", "APPROX", "2008-01-01",
     "2008-12-31"),
    # anaphora: the last date mentioned, else the publication date
    (AUG11 + "Three days earlier, protests had erupted.", SUNDAY, "Three days earlier", "DATE", "2021-08-08", "",
     "2021-08-08", "2021-08-08"),
    (AUG11 + "The previous day, protests had erupted.", SUNDAY, "The previous day", "DATE", "2021-08-10", "", "2021-08-10",
     "2021-08-10"),
    (AUG11 + "The day before, protests had erupted.", SUNDAY, "The day before", "DATE", "2021-08-10", "", "2021-08-10",
     "2021-08-10"),
    (AUG11 + "A day earlier, protests had erupted.", SUNDAY, "A day earlier", "DATE", "2021-08-10", "", "2021-08-10",
     "2021-08-10"),
    (AUG11 + "The next day, protests erupted.", SUNDAY, "The next day", "DATE", "2021-08-12", "", "2021-08-12", "2021-08-12"),
    (AUG11 + "That day, protests erupted.", SUNDAY, "That day", "DATE", "2021-08-11", "", "2021-08-11", "2021-08-11"),
    (AUG11 + "The previous evening, protests had erupted.", SUNDAY, "The previous evening", "TIME", "2021-08-10TEV", "",
     "2021-08-10", "2021-08-10"),
    ("The war ended in 1995. That year, the economy collapsed.", SUNDAY, "That year", "DATE", "1995", "", "1995-01-01",
     "1995-12-31"),
    ("In March 2019, talks began. The following month, they collapsed.", SUNDAY, "The following month", "DATE", "2019-04", "",
     "2019-04-01", "2019-04-30"),
    ("The envoy left. Two days later, he returned.", SUNDAY, "Two days later", "DATE", "2021-10-26", "", "2021-10-26",
     "2021-10-26"),
    ("Jets entered the airspace 27 times a day earlier.", SUNDAY, "a day earlier", "DATE", "2021-10-23", "", "2021-10-23",
     "2021-10-23"),
    # vague references
    ("He said he had briefed the envoy earlier.", SUNDAY, "earlier", "DATE", "PAST_REF", "", None, None),
    ("Earlier, the two presidents met in Geneva.", SUNDAY, "Earlier", "DATE", "PAST_REF", "", None, None),
    ("An aide told AFP earlier that the visit was off.", SUNDAY, "earlier", "DATE", "PAST_REF", "", None, None),
    ("The rhetoric observed recently was harmful.", SUNDAY, "recently", "DATE", "PAST_REF", "", None, None),
    ("These tensions now seem to be fading.", SUNDAY, "now", "DATE", "PRESENT_REF", "", None, None),
    ("Officials currently deny it.", SUNDAY, "currently", "DATE", "PRESENT_REF", "", None, None),
    ("They look to the future.", SUNDAY, "the future", "DATE", "FUTURE_REF", "", None, None),
    ("In the past, the two sides clashed.", SUNDAY, "the past", "DATE", "PAST_REF", "", None, None),
    ("At present, no talks are planned.", SUNDAY, "present", "DATE", "PRESENT_REF", "", None, None),
    ("The border will stay closed in the near future.", SUNDAY, "the near future", "DATE", "FUTURE_REF", "", None, None),
    # "in recent days": a vague DURATION up to publication (TimeML), unlike "the coming weeks" (FUTURE_REF)
    ("Many people died in recent days.", SUNDAY, "recent days", "DURATION", "PXD", "", None, None),
    ("Fighting has intensified in recent months.", SUNDAY, "recent months", "DURATION", "PXM", "", None, None),
    ("Talks will continue in the coming weeks.", SUNDAY, "the coming weeks", "DATE", "FUTURE_REF", "", None, None),
    ("Envoys will draft a text in the next weeks.", SUNDAY, "the next weeks", "DATE", "FUTURE_REF", "", None, None),
    ("Envoys will draft a text in the next three weeks.", SUNDAY, "the next three weeks", "DURATION", "P3W", "", None,
     None),
    # durations (no interval)
    ("He was jailed for two years.", SUNDAY, "two years", "DURATION", "P2Y", "", None, None),
    ("The talks lasted 24 hours.", SUNDAY, "24 hours", "DURATION", "PT24H", "", None, None),
    ("It took a month to agree.", SUNDAY, "a month", "DURATION", "P1M", "", None, None),
    ("They held the second call in less than a month.", SUNDAY, "less than a month", "DURATION", "P1M", "LESS_THAN", None, None),
    ("The dispute lasted several weeks.", SUNDAY, "several weeks", "DURATION", "PXW", "", None, None),
    ("The situation worsened over the past two weeks.", SUNDAY, "the past two weeks", "DURATION", "P2W", "", None, None),
    ("Over the last weeks, relations soured.", SUNDAY, "the last weeks", "DURATION", "PXW", "", None, None),
    ("Prices rose over the past year.", SUNDAY, "the past year", "DURATION", "P1Y", "", None, None),
    ("Trade slumped over the past few months.", SUNDAY, "the past few months", "DURATION", "PXM", "", None, None),
    # "over/within the next decade": the stretch of time, not the calendar unit
    ("Exports are set to double over the next decade.", SUNDAY, "the next decade", "DURATION", "P1DE", "", None, None),
    (AUG11 + "Over the following year, prices doubled.", SUNDAY, "the following year", "DURATION", "P1Y", "", None,
     None),
    ("Prices climbed within the last month.", SUNDAY, "the last month", "DURATION", "P1M", "", None, None),
    ("He served nearly two decades in office.", SUNDAY, "nearly two decades", "DURATION", "P2DE", "LESS_THAN", None, None),
    ("He served for more than a decade.", SUNDAY, "more than a decade", "DURATION", "P1DE", "MORE_THAN", None, None),
    ("He has lived there for years.", SUNDAY, "years", "DURATION", "PXY", "", None, None),
    ("It was the first summit in months between the rivals.", SUNDAY, "months", "DURATION", "PXM", "", None, None),
    ("A ruling is expected within days.", SUNDAY, "days", "DURATION", "PXD", "", None, None),
    ("After weeks of haggling, the envoys agreed.", SUNDAY, "weeks", "DURATION", "PXW", "", None, None),
    ("A final settlement could take years.", SUNDAY, "years", "DURATION", "PXY", "", None, None),
    ("The blockade of the port lasted months.", SUNDAY, "months", "DURATION", "PXM", "", None, None),
    ("Gunmen opened fire minutes before the motorcade passed.", SUNDAY, "minutes", "DURATION", "PTXM", "", None, None),
    ("The envoy resigned days after the summit.", SUNDAY, "days", "DURATION", "PXD", "", None, None),
    ("The worst floods in decades hit the delta.", SUNDAY, "decades", "DURATION", "PXDE", "", None, None),
    # "earlier/later than": a comparison, the gap a DURATION; without "than" the anchored date stays
    ("The monsoon arrived a week earlier than usual.", SUNDAY, "a week", "DURATION", "P1W", "", None, None),
    ("The harvest ended about two weeks later than normal.", SUNDAY, "about two weeks", "DURATION", "P2W", "APPROX",
     None, None),
    (AUG11 + "A week earlier, talks had failed.", SUNDAY, "A week earlier", "DATE", "2021-W31", "", "2021-08-02",
     "2021-08-08"),
    # a number before a comma is no part of the next timex unless the two make a range
    ("The pension starts at 67, five years from now.", SUNDAY, "five years from now", "DATE", "2026", "",
     "2026-01-01", "2026-12-31"),
    ("The ministers spoke 20, 30 minutes ago.", SUNDAY, "20, 30 minutes ago", "DATE", "2021-10-24", "APPROX",
     "2021-10-24", "2021-10-24"),
    # a range of durations: the first number takes the second's unit
    ("The repairs could take between 9 and 14 months.", SUNDAY, "9", "DURATION", "P9M", "", None, None),
    ("The repairs could take between 9 and 14 months.", SUNDAY, "14 months", "DURATION", "P14M", "", None, None),
    ("The hearing may last two or three days.", SUNDAY, "two", "DURATION", "P2D", "", None, None),
    ("A two-year deal was signed.", SUNDAY, "two-year", "DURATION", "P2Y", "", None, None),
    ("They began a week-long visit.", SUNDAY, "week-long", "DURATION", "P1W", "", None, None),
    ("They held a 40-minute call.", SUNDAY, "40-minute", "DURATION", "PT40M", "", None, None),
    ("The talks lasted half an hour.", SUNDAY, "half an hour", "DURATION", "PT30M", "", None, None),
    ("The talks lasted two and a half years.", SUNDAY, "two and a half years", "DURATION", "P30M", "", None, None),
    ("Kuwait mediated the three-and-a-half-year rift.", SUNDAY, "three-and-a-half-year", "DURATION", "P42M", "", None, None),
    ("The ministers talked for several hours.", SUNDAY, "several hours", "DURATION", "PTXH", "", None, None),
    ("The visit lasted a fortnight.", SUNDAY, "a fortnight", "DURATION", "P2W", "", None, None),
    # sets (no interval)
    ("The forum meets every year.", SUNDAY, "every year", "SET", "P1Y", "", None, None),
    ("The forum is held annually.", SUNDAY, "annually", "SET", "P1Y", "", None, None),
    ("Snow closes the pass every winter.", SUNDAY, "every winter", "SET", "XXXX-WI", "", None, None),
    ("The council meets weekly.", SUNDAY, "weekly", "SET", "P1W", "", None, None),
    ("The summit meets twice a year.", SUNDAY, "twice a year", "SET", "P1Y", "", None, None),
    ("The envoy visits every other week.", SUNDAY, "every other week", "SET", "P2W", "", None, None),
    ("Elections are held every four years.", SUNDAY, "every four years", "SET", "P4Y", "", None, None),
    ("Officials meet on Mondays.", SUNDAY, "Mondays", "SET", "XXXX-WXX-1", "", None, None),
    ("Officials meet every Monday.", SUNDAY, "every Monday", "SET", "XXXX-WXX-1", "", None, None),
    ("The festival is held every August.", SUNDAY, "every August", "SET", "XXXX-08", "", None, None),
    # a part of the day that recurs (TimeML: XXXX-XX-XXTMO, and on a weekday XXXX-WXX-5TEV)
    ("Smog alerts are issued every morning.", SUNDAY, "every morning", "SET", "XXXX-XX-XXTMO", "", None, None),
    ("Patrols sweep the camp each night.", SUNDAY, "each night", "SET", "XXXX-XX-XXTNI", "", None, None),
    ("The council sits every Friday evening.", SUNDAY, "every Friday evening", "SET", "XXXX-WXX-5TEV", "", None, None),
    ("Crowds gather on Saturday afternoons.", SUNDAY, "Saturday afternoons", "SET", "XXXX-WXX-6TAF", "", None, None),
    ("The nightly curfew was lifted.", SUNDAY, "nightly", "SET", "XXXX-XX-XXTNI", "", None, None),
    # after "until"/"by" in a present or present-perfect clause a date lies ahead; after a verb of
    # deferral ("postponed to") a past clause takes the nearest occurrence; a past clause stays past
    ("The embassy remains closed until Thursday.", SUNDAY, "Thursday", "DATE", "2021-10-28", "", "2021-10-28",
     "2021-10-28"),
    ("The final has been postponed until Wednesday.", SUNDAY, "Wednesday", "DATE", "2021-10-27", "", "2021-10-27",
     "2021-10-27"),
    ("The deadline has been extended until March.", SUNDAY, "March", "DATE", "2022-03", "", "2022-03-01", "2022-03-31"),
    ("The vote was postponed to Friday.", "2021-10-20", "Friday", "DATE", "2021-10-22", "", "2021-10-22", "2021-10-22"),
    ("The vote was held on Friday.", "2021-10-20", "Friday", "DATE", "2021-10-15", "", "2021-10-15", "2021-10-15"),
    ("The talks lasted until Saturday.", SUNDAY, "Saturday", "DATE", "2021-10-23", "", "2021-10-23", "2021-10-23"),
    ("The town has been hit by Friday's storm.", SUNDAY, "Friday", "DATE", "2021-10-22", "", "2021-10-22", "2021-10-22"),
    # a to-infinitive under a present or present-perfect verb looks from publication: the nearest
    # occurrence (and ahead after "until"); under a past verb it stays past
    ("The agency has hired staff to run the census through June.", "2021-03-15", "June", "DATE", "2021-06", "",
     "2021-06-01", "2021-06-30"),
    ("The ministry has picked two firms for the pilot to last until October.", "2021-03-15", "October", "DATE",
     "2021-10", "", "2021-10-01", "2021-10-31"),
    ("He flew to Paris to attend a summit in June.", "2021-03-15", "June", "DATE", "2020-06", "", "2020-06-01",
     "2020-06-30"),
    # times of day: the date of the sentence, else of the anchor
    ("The ministers will meet at 3 p.m. on Tuesday.", SUNDAY, "3 p.m.", "TIME", "2021-10-26T15:00", "", "2021-10-26",
     "2021-10-26"),
    # a day and a clock written together are one TIME ("on" keeps them apart, as above)
    ("The final has been postponed until 18:30 GMT Wednesday.", SUNDAY, "18:30 GMT Wednesday", "TIME",
     "2021-10-27T18:30", "", "2021-10-27", "2021-10-27"),
    ("The envoys met Monday at 10 a.m. in Geneva.", SUNDAY, "Monday at 10 a.m.", "TIME", "2021-10-18T10:00", "",
     "2021-10-18", "2021-10-18"),
    ("Friday, March 5, 2021 at 9:30 pm\nThe ministers spoke.", "2021-03-05", "Friday, March 5, 2021 at 9:30 pm",
     "TIME", "2021-03-05T21:30", "", "2021-03-05", "2021-03-05"),
    ("The ceremony began at 10:30 a.m.", SUNDAY, "10:30 a.m.", "TIME", "2021-10-24T10:30", "", "2021-10-24", "2021-10-24"),
    ("The ceasefire starts at 15:30 GMT.", SUNDAY, "15:30 GMT", "TIME", "2021-10-24T15:30", "", "2021-10-24", "2021-10-24"),
    ("The bombing took place at noon.", SUNDAY, "noon", "TIME", "2021-10-24T12:00", "", "2021-10-24", "2021-10-24"),
    # no publication date: relative values keep X placeholders, absolute ones still resolve
    ("The ministers spoke on Saturday.", None, "Saturday", "DATE", "XXXX-WXX-6", "", None, None),
    ("The ministers met on August 11.", None, "August 11", "DATE", "XXXX-08-11", "", None, None),
    ("On August 11, 2021, the ministry issued a statement.", None, "August 11, 2021", "DATE", "2021-08-11", "", "2021-08-11",
     "2021-08-11"),
    ("Earlier this month, the two ministers held a call.", None, "Earlier this month", "DATE", "XXXX-XX", "", None, None),
    ("The envoy arrived yesterday.", None, "yesterday", "DATE", "XXXX-XX-XX", "", None, None),
    ("The tensions began in early August.", None, "early August", "DATE", "XXXX-08", "START", None, None),
    ("Officials met last week.", None, "last week", "DATE", "XXXX-WXX", "", None, None),
    ("The ministers met Saturday evening.", None, "Saturday evening", "TIME", "XXXX-WXX-6TEV", "", None, None),
    ("The ceremony began at 3 p.m.", None, "3 p.m.", "TIME", "XXXX-XX-XXT15:00", "", None, None),
    ("On August 11, 2021 the envoy was summoned. The next day, protests erupted.", None, "The next day", "DATE", "2021-08-12",
     "", "2021-08-12", "2021-08-12"),
    # days of one month: the month, over those days
    ("The president will be in Kenya between November 6 and 9, on a state visit.", SUNDAY, "November 6 and 9", "DATE",
     "2021-11", "", "2021-11-06", "2021-11-09"),
    ("Talks were held June 9-17 in Cairo.", SUNDAY, "June 9-17", "DATE", "2021-06", "", "2021-06-09", "2021-06-17"),
]


@pytest.mark.parametrize("text, published, expected, type_, value, mod, start, end", CASES)
def test_timex(nlp, text, published, expected, type_, value, mod, start, end):
    found = [t for t in tag(nlp, text, published) if t.text == expected]
    assert len(found) == 1, [t.text for t in tag(nlp, text, published)]
    timex = found[0]
    assert (timex.type, timex.value, timex.mod) == (type_, value, mod)
    assert (timex.date_start, timex.date_end) == (day(start), day(end))


NOT_TIMEXES = [
    "The vote was 6 to 9 against the motion.",
    "They held the second phone conversation.",
    "The release of two Iranian drivers was welcomed.",
    "Two Iranian drivers were detained in the country.",
    "The two countries signed 12 agreements.",
    "He may visit Baku.",
    "May God bless you.",
    "They will march on the capital.",
    "The Long March was a retreat.",
    "April Ryan asked a question.",
    "1500 soldiers were killed.",
    "Around 2000 people protested.",
    "The fund holds 1,500 tons.",
    "The bill cost $2020.",
    "Security Council Resolution 2231 was adopted.",
    "Israel ignored resolution 1701.",
    "The UN 1267 committee listed him.",
    "USA Today reported the story.",
    "The daily Kayhan reported the story.",
    "Daily Sabah reported the story.",
    "The fall of Kabul shocked the world.",
    "They swam in a hot spring.",
    "The Arab Spring changed the region.",
    "The future government will be formed.",
    "The present situation is dire.",
    "He said now that the war is over, trade can resume.",
    "At the end of the conversation, they agreed.",
    "The 59-year-old minister resigned.",
    "The minister, 59 years old, resigned.",
    "He arrived for a second time.",
    "The talks resumed after a second round.",
    "Iran won 2:1 in the final.",
    "A quarter of the population voted.",
    "The 12-Jan-vote was close.",
    "He referred to the recent constructive contacts.",
    "The q3 2020 file was lost.",
    "The recent steps were welcomed.",
    "An earlier draft was rejected.",
    "They will vote earlier than planned.",
    "Infants aged 6 to 23 months old were vaccinated.",
    "All children ages 6 months and older should be vaccinated.",
    "Infants aged 9 months were tested first.",
    "Babies 6 months or younger are exempt.",
    "She ran a sub-four-minute mile.",
    "Pupils at the end of year 10 sit exams.",
    "Minutes of the cabinet meeting were published.",
    "The secretary took minutes at the meeting.",
    "In the days before the referendum, tension rose.",
    "Their last weeks in office were quiet.",
]


@pytest.mark.parametrize("text", NOT_TIMEXES)
def test_not_a_timex(nlp, text):
    assert tag(nlp, text) == []


def test_offsets_sentences_and_order(nlp):
    text = "TEHRAN – The ministers met on Saturday.  Earlier this month, they spoke for an hour. They will meet in December."
    found = tag(nlp, text)
    assert [t.text for t in found] == ["Saturday", "Earlier this month", "an hour", "December"]
    assert [t.sentence_id for t in found] == [0, 1, 1, 2]
    assert all(text[t.start:t.end] == t.text for t in found)
    assert all(t.date_start <= t.date_end for t in found if t.date_start)


def test_published_argument_sets_the_reference_date(nlp):
    doc = parse("The ministers spoke on Saturday.")
    assert timexes(doc, published=dt.date(2021, 10, 24))[0].value == "2021-10-23"
    assert timexes(doc, published=dt.date(2021, 10, 31))[0].value == "2021-10-30"


def test_pipeline_records_carry_the_timexes(nlp):
    """Timexes reach the tables like every other stage: ``records`` calls ``timexes``, no component."""
    assert "parley_timexes" not in nlp.pipe_names
    found = records(parse("The ministers spoke on Saturday."), published=dt.date(2021, 10, 24))["timexes"]
    assert [(t.text, t.value) for t in found] == [("Saturday", "2021-10-23")]


def seed_timexes():
    text = SEED.read_text(encoding="utf-8")
    body = re.split(r"^---[ \t]*$\n?", text, maxsplit=2, flags=re.M)[2]
    return body, timexes(parse(body), published=dt.date(2021, 10, 24))


def test_seed_article(nlp):
    body, found = seed_timexes()
    assert all(body[t.start:t.end] == t.text for t in found)
    got = {(t.text, t.type, t.value, t.mod, t.date_start, t.date_end) for t in found}
    oct23, oct_ = dt.date(2021, 10, 23), (dt.date(2021, 10, 1), dt.date(2021, 10, 24))
    expected = {
        ("Saturday", "DATE", "2021-10-23", "", oct23, oct23),
        ("Earlier this month", "DATE", "2021-10", "", *oct_),
        ("early August", "DATE", "2021-08", "START", dt.date(2021, 8, 1), dt.date(2021, 8, 10)),
        ("August 11", "DATE", "2021-08-11", "", dt.date(2021, 8, 11), dt.date(2021, 8, 11)),
        ("2020", "DATE", "2020", "", dt.date(2020, 1, 1), dt.date(2020, 12, 31)),
        ("October", "DATE", "2021-10", "", dt.date(2021, 10, 1), dt.date(2021, 10, 31)),
        ("less than a month", "DURATION", "P1M", "LESS_THAN", None, None),
        ("the last weeks", "DURATION", "PXW", "", None, None),
        ("recently", "DATE", "PAST_REF", "", None, None),
        ("now", "DATE", "PRESENT_REF", "", None, None),
        ("the future", "DATE", "FUTURE_REF", "", None, None),
    }
    assert expected <= got
    assert sum(t.text == "Saturday" for t in found) == 3
    assert not {"the second", "two", "the time", "second", "the recent"} & {t.text for t in found}


@pytest.mark.parametrize("text, expected", [
    ("The envoys met earlier in May.", ["May"]),
    ("The envoys met earlier that day.", ["that day"]),
    ("Earlier this week, the envoys met.", ["Earlier this week"]),
    ("The envoys met two days earlier.", ["two days earlier"]),
])
def test_earlier_before_a_date_is_not_a_timex_of_its_own(nlp, text, expected):
    assert [t.text for t in tag(nlp, text)] == expected


def test_a_year_range_runs_forward(nlp):
    """"1998-02" is no range (1998 to 1902): only its first year is a timex."""
    assert [t.text for t in tag(nlp, "The archive holds the 1998-02 files.")] == ["1998"]
