"""The three seeds in raw/ come out clean: the exact body text of each (headline + article prose)."""
import pytest

from conftest import RAW
from dataset_builder.pipeline import count_corpus, load_documents
from dataset_builder.records import BuildConfig, transform

EXPECTED = {
    "000_a78dbc12c6686655.txt": (
        'US pressuring Japan over Tokyo’s policy towards closer ties with Russia — report',
        'US pressuring Japan over Tokyo’s policy towards closer ties with Russia — report\n'
        '\n'
        '"Washington is putting pressure on Tokyo as Prime Minister Shinzo Abe has expressed intention to continue preparations for the visit of Russian President Vladimir Putin to Japan," the commentary reads\n'
        '\n'
        'TOKYO, May 25. /TASS/. The US presidential administration has started explicitly showing its discontent over the Japanese government’s policy in regard to Russia, the Kyodo news agency said in a commentary published on Monday.\n'
        '\n'
        '"Washington is putting pressure on Tokyo as Prime Minister Shinzo Abe has expressed intention to continue preparations for the visit of Russian President Vladimir Putin to Japan. This stance contradicts the policy of the G7 countries that are seeking to isolate Russia," the commentary reads.\n'
        '\n'
        'According to the agency, at talks in the White House on April 28, the Japanese prime minister "noted the importance of dialogue with Moscow," and said he wanted "the visit of the Russian president to Japan to be held this year."\n'
        '\n'
        'In response, President Obama said the G7 countries need to exert pressure on Moscow and called for a cautious approach towards the current situation, the Japanese news agency reported.\n'
        '\n'
        'US Assistant Secretary of State for East Asian and Pacific Affairs Daniel Russel said on May 21 that he was sure that the Abe government was "committed to the principle of not pursuing business as usual [with Russia] under the current circumstances."\n'
        '\n'
        'Abe said in his greeting message to the participants of the third Russia-Japan forum that opened in Tokyo on May 21 that he was ready to raise relations with Russia "to a new level."\n'
        '\n'
        '"Proceeding from strategic and long-term point of view, I want to raise relations between our countries to a new level. I suggest we consistently continue efforts to solve the existing problems through dialogue and develop relations in all spheres," the message said.\n'
        '\n'
        'In late March, Kremlin spokesman Dmitry Peskov said President Vladimir Putin was not planning to visit Japan in the nearest future. "No [such visit] is planned yet," Peskov told journalists.\n'
        '\n'
        'The Russian Foreign Ministry reported in mid-February that the diplomats of Russia and Japan confirmed at their meeting in Moscow "the importance of joint work on preparing the official visit of Russian President Vladimir Putin to Tokyo."\n'
        '\n'
        'The ministry announced no possible date of Putin’s visit to Japan. Earlier, the Kremlin confirmed that the invitation from Tokyo had been received.'
    ),
    "002_da5d8bc1e4dfe8a0.txt": (
        'Japan disregards U.S. opposition to Abe-Putin talks in Tokyo',
        'Japan disregards U.S. opposition to Abe-Putin talks in Tokyo\n'
        '\n'
        'Japan has disregarded U.S. opposition to a planned bilateral summit between Japanese Prime Minister Shinzo Abe and Russian President Vladimir Putin in Tokyo next week, diplomatic sources said Saturday.\n'
        '\n'
        '\n'
        'Last month Washington repeatedly conveyed its objection to the Abe-Putin meeting in the capital out of concern that it might relieve pressure on Moscow by the Group of Seven economies, but on Thursday Japan formally announced the summit for Dec. 16, as well as another meeting in Yamaguchi Prefecture the previous day.\n'
        '\n'
        '\n'
        'The U.S. administration of President Barack Obama has been critical of Russia over its annexation of Crimea in 2014 and for backing the Syrian government of President Bashar al-Assad.\n'
        '\n'
        '\n'
        'But Abe wants to maintain good relations with Russia in the hope of achieving a breakthrough in the decades-old territorial dispute and concluding a postwar peace treaty.\n'
        '\n'
        '\n'
        'The Japanese government’s decision to go ahead with staging a summit with Putin in the capital highlights a rift between Tokyo and Washington on the issue.\n'
        '\n'
        '\n'
        'According to the sources, the Obama administration conveyed its opposition to Japan over the planned Abe-Putin meeting more than once through diplomatic channels around in November.\n'
        '\n'
        '\n'
        'The U.S government voiced concern that staging such a meeting in the Japanese capital could send the wrong message that the G-7 is not united in pressuring Moscow, the sources said.\n'
        '\n'
        '\n'
        'The Japanese government is believed to have told Washington that Putin’s planned visit should not be seen as especially favorable treating because the Russian leader will not be meeting with Japanese Emperor Akihito.\n'
        '\n'
        '\n'
        'A Japanese government source said, “Although Japan needs to play a role as a G-7 member, it is also natural for us to pursue national interests and holding a summit meeting in Tokyo causes no problem.”\n'
        '\n'
        '\n'
        'Moscow sought a summit with Abe in Tokyo during Putin’s visit to the country. The Japanese government had initially planned to focus on a meeting in Yamaguchi, Abe’s constituency, where the two leaders would spend substantial time but eventually agreed to Russia’s proposal to extend the summit to the capital, the sources added.\n'
        '\n'
        '\n'
        'The G-7 groups Britain, Canada, France, Germany, Italy, Japan and the United States.\n'
    ),
    "003_45aadd43260acf42.txt": (
        "Washington's Key Ally Wants to Be Friends With Russia",
        "Washington's Key Ally Wants to Be Friends With Russia\n"
        "Japan, America's key ally in the Pacific, has tried to pull off a delicate balancing act by pursuing closer relations with Russia (something that Washington is opposed to), while maintaining support for sanctions imposed on Moscow following the outbreak of the Ukrainian civil war.\n"
        'It is against\xa0this backdrop that Japanese Prime Minister Shinzo Abe will meet with\xa0Russian President Vladimir Putin in\xa0the Black Sea resort of\xa0Sochi on\xa0Friday.\n'
        '\n'
        "In February, US President Barack Obama asked Abe to\xa0postpone his unofficial visit to\xa0Sochi until\xa0after the Group of\xa0Seven summit that will be held in\xa0Japan's Ise-Shima region on\xa0May 26-27. The prime minister, who has met Putin more than\xa0a dozen times, refused.\n"
        '\n'
        'Despite Washington\'s discontent, "Japan could benefit greatly from\xa0a comprehensive renewal of\xa0ties with\xa0Russia, and mitigate criticism from [the US], by\xa0focusing engagement primarily on\xa0economic and \'soft-security\' issues," Jonathan Berkshire Miller and Aiko Shimizu observed.\n'
        'Tokyo\'s diplomatic overtures towards\xa0Russia have also been reflected in\xa0the G7 foreign minister\'s communique, released on\xa0April 16. At Japan\'s request, the document highlights "the importance of\xa0maintaining dialogue with\xa0Russia."\n'
        '\n'
        "Japan is interested in\xa0fostering closer ties with\xa0Russia for\xa0a number of\xa0reasons, which primarily include settling a decades-long territorial dispute and gaining broader access to\xa0Russia's energy resources. Tokyo's concern with\xa0North Korea's growing assertiveness and tensions over\xa0the South China Sea are also a major factor.\n"
        '\n'
        '"After North Korea\'s fourth nuclear test, Japan reached out\xa0to Russia in\xa0the hopes of\xa0mutually coordinating a response to\xa0the DPRK\'s provocations. … With reports of\xa0a potential fifth nuclear weapons test in\xa0North Korea, now is probably an opportune time for\xa0Japan and Russia to\xa0deepen their partnership," analyst Anthony V. Rinna wrote for\xa0the National Interest.\n'
    ),
}


@pytest.fixture(scope="module")
def rows() -> dict:
    docs, rejects = load_documents(RAW)
    assert not rejects
    stats = count_corpus(docs)
    return {d.source.relpath: transform(d, stats, BuildConfig(dataset_version="1.0.0")) for d in docs}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_seed_body_is_exactly_the_article(rows, name):
    title, *_ = EXPECTED[name]
    expected_text = "".join(EXPECTED[name][1:])
    assert rows[name]["title"] == title
    assert rows[name]["text"] == expected_text


def test_seed_boilerplate_is_removed_with_reasons(rows):
    removed = {" ".join(s["text"].split()): s["rule"] for r in rows.values() for s in r["spans"]
               if s["label"] == "boilerplate" and s["text"].strip()}
    assert removed["All news"] == "ui.label"
    assert removed["print PRINT"] == "ui.label"
    assert removed["To participate in the discussion"] == "ui.login"
    assert removed["log in or register"] == "ui.login"
    assert removed["Заголовок открываемого материала"] == "script.cyrillic_in_english"
    assert removed["© Sputnik / Michael Klimentyev / Go to the mediabank"] == "credit.photo"
    assert removed["• Ambassador"] == removed["• Trending Japan"] == "nav.bullet_list"
    assert removed["US Pressure on Japan Restricts Moscow-Tokyo Dialogue"] == "context.boilerplate"
    assert all(rows[n]["title"] and rows[n]["text"].startswith(rows[n]["title"]) for n in rows)
