"""Who acts and who is acted upon where the clause does not say it plainly: conditions of threats,
unnamed attackers, yielding to demands, what a rejected request asked for, whom a protest is aimed
at. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.events.test_coder import code, roots

from geopol.pipeline import Pipeline


@pytest.mark.parametrize(("text", "expected"), [
    ("Pakistan threatened to launch a new offensive unless Kabul accepted its terms.", ("PAK", "13", "AFG")),
    ("Russia threatened to suspend the talks if the United States deploys new missiles in Poland.",
     ("RUS", "13", "USA")),
])
def test_threat_is_aimed_at_whoever_must_meet_its_condition(pipeline: Pipeline, text: str,
                                                           expected: tuple[str, str, str]) -> None:
    assert expected in roots(pipeline, text)


def test_victims_of_a_named_attack_take_its_author(pipeline: Pipeline) -> None:
    found = code(pipeline, "Three Ukrainian soldiers were killed in a Russian drone strike near Kherson on Monday.")
    assert ("RUS", "195", "UKRMIL") in found


def test_violence_by_an_unnamed_hand_has_an_unknown_source(pipeline: Pipeline) -> None:
    assert ("---", "18", "CAN") in roots(pipeline, "A roadside bomb killed two Canadian soldiers in Kandahar.")
    assert ("---", "19", "FRA") in roots(pipeline, "A French journalist was shot dead in Aleppo on Tuesday.")


def test_rockets_fired_from_a_place_come_from_its_country(pipeline: Pipeline) -> None:
    assert ("LBN", "19", "ISR") in roots(pipeline, "Two Israeli farmers were killed by rockets fired from Lebanon.") | \
        roots(pipeline, "Rockets were fired at Israel from Lebanon on Sunday.")


def test_unknown_victims_of_unknown_attackers_are_not_an_event(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Four people were killed overnight.") == set()


def test_unplaced_organisation_acting_on_a_known_target_is_unknown(pipeline: Pipeline) -> None:
    found = roots(pipeline, "An international relief agency appealed to the Ethiopian government to reopen the border.")
    assert ("---", "02", "ETH") in found


def test_pronoun_subject_that_cannot_be_resolved_is_not_made_unknown(pipeline: Pipeline) -> None:
    assert roots(pipeline, "They criticised the Ethiopian government.") == set()


def test_yielding_to_demands_targets_who_demanded(pipeline: Pipeline) -> None:
    found = code(pipeline, "The Malian junta conceded to demands from Tuareg rebels to hold talks.")
    assert ("MLIGOV", "080", "---REB") in found


def test_accepting_demands_is_yielding_not_receiving_a_demand(pipeline: Pipeline) -> None:
    found = code(pipeline, "The Thai government accepted demands from Cambodian officials to release the fishermen.")
    assert ("THAGOV", "0841", "KHMGOV") in found
    assert not any(c.startswith("10") for _, c, _ in found)


def test_refusing_to_meet_demands_to_release_is_a_refusal_to_release(pipeline: Pipeline) -> None:
    found = code(pipeline, "Spain would not meet the Moroccan demands to release the prisoners.")
    assert ("ESP", "1243", "MAR") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan rejected a Chinese request to extradite the activist.", ("JPN", "1213", "CHN")),
    ("Hungary rejected calls by the European Union for talks with Serbia.", ("HUN", "125", "IGOEUREEC")),
])
def test_rejected_request_is_coded_by_what_it_asked_for(pipeline: Pipeline, text: str,
                                                         expected: tuple[str, str, str]) -> None:
    assert expected in code(pipeline, text)


def test_rejected_call_is_never_a_phone_call(pipeline: Pipeline) -> None:
    found = code(pipeline, "Hungary rejected calls by the European Union for a new approach.")
    assert ("HUN", "120", "IGOEUREEC") in found


def test_protest_is_aimed_at_whom_its_purpose_names(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Thousands of Kenyan students staged demonstrations to demand the resignation of "
                            "the Ugandan president.")
    assert ("KEN", "14", "UGA") in found


def test_gift_to_an_indirect_object(pipeline: Pipeline) -> None:
    assert ("FIN", "07", "TZA") in roots(pipeline, "Finland gave Tanzania a grant of 40 million euros last year.")


def test_verb_with_its_own_object_entry_beats_the_light_verb_noun(pipeline: Pipeline) -> None:
    found = code(pipeline, "Vietnam offered concessions to Cambodia on the border.")
    assert ("VNM", "035", "KHM") in found


def test_being_prepared_to_act_is_an_intention(pipeline: Pipeline) -> None:
    found = code(pipeline, "Canada is prepared to lift sanctions on Cuba.")
    assert ("CAN", "0354", "CUB") in found


def test_rebels_saying_the_government_must_act_is_a_demand(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Sudanese rebels said the Sudanese government must release all political prisoners.")
    assert ("SDN", "10", "SDN") in found


def test_planned_martial_law_is_a_threat_of_it(pipeline: Pipeline) -> None:
    found = code(pipeline, "The Thai army is prepared to impose martial law on Bangkok.")
    assert any(c == "1324" for _, c, _ in found)


def test_what_a_claim_says_was_done_is_the_claim_not_another_event(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Chad claimed that Boko Haram had attacked Niger and seized the town of Diffa.")
    assert ("TCD", "11", "NGA") in found or any(r[:2] == ("TCD", "11") for r in found)
    assert not any(c in ("19", "17") for _, c, _ in found)


def test_the_grounds_of_a_sentence_are_not_an_event(pipeline: Pipeline) -> None:
    found = roots(pipeline, "A Moroccan court jailed a Belgian activist for helping smugglers reach Spain.")
    assert ("MAR", "17", "BEL") in found
    assert not any(c == "07" for _, c, _ in found)


def test_the_toll_of_an_attack_is_not_a_second_attack_on_unknown_victims(pipeline: Pipeline) -> None:
    found = code(pipeline, "Rebels shelled the outskirts of Donetsk overnight, killing at least six people.")
    assert not any(t.startswith("---") for _, _, t in found)
    assert any(c.startswith("19") and t == "UKR" for _, c, t in found)


def test_event_noun_without_a_target_is_not_coded_with_an_unknown_one(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Pakistan's assistance reached the flooded districts on Monday.") == set()


def test_place_of_the_object_gives_the_target(pipeline: Pipeline) -> None:
    assert ("SRB", "0813", "XKX") in code(pipeline, "Serbia lifted a night curfew in Kosovo on Sunday.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Syrian warplanes killed 12 Turkish soldiers near Idlib.", ("SYRMIL", "195", "TURMIL")),
    ("Iran rejected the Iraqi proposal for a ceasefire.", ("IRN", "1246", "IRQ")),
    ("Egypt said the United States must be ready to mediate between Israel and Hamas.", ("EGY", "108", "USA")),
])
def test_the_means_and_the_thing_asked_give_the_specific_code(pipeline: Pipeline, text: str,
                                                               expected: tuple[str, str, str]) -> None:
    assert expected in code(pipeline, text)


@pytest.mark.parametrize(("text", "intent"), [
    ("Portugal will support Turkey's bid to join the bloc, its president said.", "032"),
    ("The Kyrgyz president agreed to resign, the speaker said on Saturday.", "0341"),
])
def test_intent_codes_follow_the_codebook_layout(pipeline: Pipeline, text: str, intent: str) -> None:
    assert intent in {c for _, c, _ in code(pipeline, text)}


def test_exercises_without_a_partner_are_a_show_of_force_at_their_place(pipeline: Pipeline) -> None:
    assert code(pipeline, "Russia is conducting military exercises near Alaska.") == {("RUS", "150", "USA")}
    assert ("CHN", "062", "RUS") in code(pipeline, "China and Russia held joint naval exercises in the Sea of Japan.")


def test_claimed_attack_targets_the_country_where_it_struck(pipeline: Pipeline) -> None:
    found = code(pipeline, "A Somali militant group claimed responsibility for a bomb attack on a hotel in Nairobi.")
    assert ("SOMREB", "015", "KEN") in found


def test_patron_named_in_a_modifier_is_not_the_actor(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The Iran-backed Yemeni militia fired missiles at Saudi Arabia on Monday.")
    assert ("YEM", "19", "SAU") in found
    assert not any(s == "IRN" for s, _, _ in found)


def test_victims_without_a_country_belong_to_the_place_they_fell(pipeline: Pipeline) -> None:
    found = code(pipeline, "Three civilians were killed in Gaza on Friday.")
    assert ("---", "190", "PSECVL") in found


@pytest.mark.parametrize(("text", "expected"), [
    ("Milei called Lula's policies a disaster for the region.", ("ARG", "11", "BRA")),
    ("Putin described the talks with Xi as very useful.", ("RUS", "05", "CHN")),
])
def test_naming_something_good_or_bad_is_praise_or_criticism(pipeline: Pipeline, text: str,
                                                            expected: tuple[str, str, str]) -> None:
    assert expected in roots(pipeline, text)


def test_naming_someone_something_is_never_a_phone_call(pipeline: Pipeline) -> None:
    assert not any(c == "04" for _, c, _ in roots(pipeline, "Milei has called Lula \"a good friend of ours\"."))


STORY = ("North Korea fired two ballistic missiles into the sea on Wednesday, South Korea's military said.\n\n"
         "South Korean President Yoon Suk Yeol condemned the launch as a clear provocation.\n\n"
         "The Japanese foreign ministry said the missiles landed outside its waters.")


def test_criticism_of_a_thing_done_targets_the_party_the_story_opened_with(pipeline: Pipeline) -> None:
    assert ("KOR", "11", "PRK") in roots(pipeline, STORY)


def test_a_lone_sentence_gives_no_implicit_target(pipeline: Pipeline) -> None:
    assert roots(pipeline, "South Korean President Yoon Suk Yeol condemned the launch as a clear provocation.") == set()


def test_a_second_statement_of_the_subject_does_not_hide_an_unknown_target(pipeline: Pipeline) -> None:
    found = roots(pipeline, STORY.replace("as a clear provocation", "and said Seoul would respond"))
    assert ("KOR", "11", "PRK") in found


def test_a_finite_verb_joined_to_a_negated_one_keeps_its_own_polarity(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Hungary said it would not support the package and criticised the European Commission.")
    assert found == {("HUN", "11", "IGO")}


@pytest.mark.parametrize(("text", "expected"), [
    ("European Union foreign ministers on Tuesday approved new sanctions against Russia.", ("IGO", "16", "RUS")),
    ("Ukraine's foreign minister called on Brussels to seize frozen Russian assets.", ("UKR", "02", "IGO")),
    ("The State Department urged Pakistan to release the activists.", ("USA", "02", "PAK")),
])
def test_institutions_metonyms_and_adopted_measures(pipeline: Pipeline, text: str,
                                                    expected: tuple[str, str, str]) -> None:
    assert expected in roots(pipeline, text)


def test_brussels_as_a_place_is_in_belgium(pipeline: Pipeline) -> None:
    result = pipeline.extract_text("Modi met Scholz in Brussels on Monday.", None)
    assert {(e.source[:3], e.place_country) for e in result.events} == {("IND", "BEL"), ("DEU", "BEL")}


def test_it_opening_a_sentence_is_the_party_the_last_sentence_was_about(pipeline: Pipeline) -> None:
    text = ("Japan's trade ministry said talks would continue next week.\n\n"
            "It accused Seoul of breaking the rules on chip exports.")
    assert ("JPN", "11", "KOR") in roots(pipeline, text)


def test_a_trip_after_before_in_the_present_is_still_to_come(pipeline: Pipeline) -> None:
    found = code(pipeline, "Pakistan summoned India's envoy on Monday, days before Jaishankar travels to Islamabad.")
    assert ("INDGOV", "036", "PAK") in found
    assert not any(c == "042" for _, c, _ in found)


@pytest.mark.parametrize(("text", "source"), [
    ("U.N. special envoy Julie Bishop met Myanmar's foreign minister on Monday.", "IGOUNO"),
    ("Former South African President Thabo Mbeki met Sudan's foreign minister on Monday.", "ZAFELI"),
])
def test_a_person_out_of_the_lexicons_offices_takes_the_office_the_text_gives(pipeline: Pipeline, text: str,
                                                                              source: str) -> None:
    import datetime as dt

    found = {(e.source, e.code[:2]) for e in pipeline.extract_text(text, dt.date(2024, 6, 3)).events}
    assert (source, "04") in found


def test_subject_of_a_raising_passive_does_its_infinitive(pipeline: Pipeline) -> None:
    found = code(pipeline, "Indian Foreign Minister Subrahmanyam Jaishankar is expected to travel to Dhaka next week.")
    assert ("INDGOV", "036", "BGD") in found


def test_what_one_wants_of_another_is_an_appeal_not_the_others_plan(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Obama wants Putin to attack Switzerland.")
    assert ("USA", "02", "RUS") in found
    assert not any(s == "RUS" for s, _, _ in found)


def test_a_plan_with_a_partner_is_the_planners_alone(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Russia wants to expand trade with India.") == {("RUS", "03", "IND")}


def test_receiving_arms_from_someone_is_their_supply(pipeline: Pipeline) -> None:
    found = code(pipeline, "Armenia received fighter jets from France last year.")
    assert found == {("FRA", "072", "ARM")}


def test_the_two_leaders_are_the_last_two_people_named(pipeline: Pipeline) -> None:
    text = ("Former South African President Thabo Mbeki chaired the talks in Addis Ababa on Monday.\n\n"
            "Mbeki said progress was slow. South Sudanese President Salva Kiir spoke by telephone with "
            "Sudanese leader Abdel Fattah al-Burhan on Sunday. The two leaders agreed to form "
            "a joint committee.")
    found = roots(pipeline, text)
    assert ("SSD", "03", "SDN") in found
    assert not any("ZAF" in (s, t) and c == "03" for s, c, t in found)


def test_the_two_who_signed_are_the_two_just_named(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Argentine Foreign Minister Gerardo Werthein met his Brazilian counterpart Mauro Vieira "
                            "in Brasilia on Monday, and the two signed an agreement on gas exports.")
    assert {("ARG", "05", "BRA"), ("BRA", "05", "ARG")} <= found


def test_a_joined_verb_shares_the_date_of_the_verb_it_is_joined_to(pipeline: Pipeline) -> None:
    import datetime as dt

    result = pipeline.extract_text("Argentine Foreign Minister Gerardo Werthein met his Brazilian counterpart Mauro "
                                   "Vieira in Brasilia on Monday, and the two signed an agreement on gas exports.",
                                   dt.date(2025, 2, 19))
    signed = [e for e in result.events if e.code.startswith("05")]
    assert signed and all(e.date == "2025-02-17" for e in signed)


def test_an_appeal_to_someone_unnamed_is_not_aimed_at_what_they_should_act_on(pipeline: Pipeline) -> None:
    found = code(pipeline, "The African Union urged the warring parties to give Kenyan engineers safe access.")
    assert not any(t.startswith("KEN") for _, _, t in found)


@pytest.mark.parametrize("noun", ["tourists", "passengers", "fishermen", "engineers"])
def test_people_of_a_country_are_its_civilians(pipeline: Pipeline, noun: str) -> None:
    assert code(pipeline, f"Gunmen kidnapped four Japanese {noun} in Mali.") == {("---REB", "181", "JPNCVL")}


def test_a_day_earlier_counts_from_the_day_the_story_named(pipeline: Pipeline) -> None:
    import datetime as dt

    text = ("Iran's vice president met the Saudi crown prince in Riyadh on Monday.\n\n"
            "Israel struck military sites in Iran on Oct. 26, officials recalled.\n\n"
            "A day earlier, the Saudi army chief held talks in Tehran with Iranian commanders.")
    result = pipeline.extract_text(text, dt.date(2024, 11, 13))
    talks = [e for e in result.events if e.date_text == "A day earlier"]
    assert talks and all(e.date == "2024-11-10" for e in talks)


def test_a_framing_participle_dates_the_main_verb(pipeline: Pipeline) -> None:
    import datetime as dt

    result = pipeline.extract_text("Speaking to reporters in Tehran on Wednesday, Grossi urged Iran to explain "
                                   "the traces.", dt.date(2025, 2, 14))
    assert {(e.code[:2], e.date) for e in result.events} == {("02", "2025-02-12")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The Philippines summoned the Chinese ambassador on Tuesday to protest the water cannon attack.",
     ("PHL", "114", "CHNGOV")),
    ("Hundreds of ethnic Turks protested against Sweden's decision in Stockholm.", ("TUR", "141", "SWE")),
])
def test_a_government_protests_by_complaining_a_people_by_demonstrating(pipeline: Pipeline, text: str,
                                                                        expected: tuple[str, str, str]) -> None:
    assert expected in {(s[:3], c, t) for s, c, t in code(pipeline, text)}


def test_its_former_colony_is_not_its_owner(pipeline: Pipeline) -> None:
    found = code(pipeline, "Paris on Saturday suspended all development aid to its former colony.")
    assert not any(t.startswith("FRA") for _, _, t in found)


def test_agreeing_that_something_will_be_done_is_a_promise_not_an_accord_of_views(pipeline: Pipeline) -> None:
    assert ("IRN", "03", "IGO") in roots(pipeline, "Iran and the IAEA agreed that inspectors would be allowed back.")
    assert ("IRN", "01", "IGO") in roots(pipeline, "Iran and the IAEA agreed that there was a need for dialogue.")


def test_a_title_with_the_refers_to_the_last_person_named_with_it(pipeline: Pipeline) -> None:
    text = ("Iranian Vice President Mohammad Reza Aref met Saudi Crown Prince Mohammed bin Salman in Riyadh "
            "on Monday.\n\nThe crown prince, who is also prime minister, called on Israel to show restraint.")
    assert ("SAUGOV", "020", "ISR") in code(pipeline, text)


def test_refraining_from_an_action_is_not_doing_it(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Egypt called on Israel to refrain from attacking Rafah.")
    assert not any(c == "19" for _, c, _ in found)


def test_crediting_someones_mediation_is_praise(pipeline: Pipeline) -> None:
    assert ("RUS", "05", "ARE") in roots(pipeline, "Russia's Defence Ministry credited Abu Dhabi's mediation.")


def test_ministers_of_two_countries_are_both(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The foreign ministers of Venezuela and Guyana held talks in Brasilia on Thursday.")
    assert {("VEN", "04", "GUY"), ("GUY", "04", "VEN")} <= found


def test_a_person_unknown_to_the_lexicons_takes_the_country_that_owns_the_name(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Venezuela's Yvan Gil and Guyana's Hugh Todd met for three hours in Brasilia.")
    assert {("VEN", "04", "GUY"), ("GUY", "04", "VEN")} <= found


def test_a_promise_is_made_to_whom_the_promised_action_is_for(pipeline: Pipeline) -> None:
    found = code(pipeline, "Leaders of the Group of Seven agreed on Thursday to provide Ukraine with a $50bn loan.")
    assert ("IGOGOE", "0331", "UKR") in found
    assert not any(s == "UKR" for s, _, _ in found)


def test_a_known_surname_is_the_person_whatever_its_tag(pipeline: Pipeline) -> None:
    text = ("Venezuela's Yvan Gil and Guyana's Hugh Todd met for about three hours.\n\n"
            "Todd, for his part, accused Venezuela of moving troops toward the frontier.")
    assert ("GUY", "11", "VEN") in roots(pipeline, text)


def test_denying_a_report_answers_the_party_of_the_story(pipeline: Pipeline) -> None:
    text = ("Guyana accused Venezuela of moving troops toward the border on Thursday.\n\n"
            "Venezuela's defence minister Vladimir Padrino Lopez denied the report on Friday.")
    assert ("VEN", "01", "GUY") in roots(pipeline, text)


def test_meeting_in_the_other_partys_country_is_also_a_visit_there(pipeline: Pipeline) -> None:
    found = code(pipeline, "Lavrov met Wang Yi in Beijing on Monday.")
    assert ("RUSGOV", "042", "CHN") in found
    assert not any(c == "042" and s.startswith("CHN") for s, c, _ in found)


def test_the_three_countries_are_the_parties_of_the_last_joint_action_of_three(pipeline: Pipeline) -> None:
    text = ("North Korea fired two missiles on Wednesday, officials in Seoul said.\n\n"
            "South Korea is closely cooperating with the United States and Japan, the military said.\n\n"
            "The three countries' defence chiefs are due to meet in Tokyo next month.")
    meetings = {(s, t) for s, c, t in roots(pipeline, text) if c == "03"}
    assert meetings and all("PRK" not in pair for pair in meetings)
    assert ("KOR", "JPN") in meetings


@pytest.mark.parametrize(("text", "expected"), [
    ("Washington added 23 Chinese technology firms to its export blacklist last week.", ("USA", "16", "CHN")),
    ("Indian soldiers returned fire on Monday night, the army said.", ("IND", "19", "---")),
])
def test_blacklisting_and_returning_fire(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in roots(pipeline, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("The United Nations peacekeeping force in southern Lebanon said one of its posts was hit.\n\n"
     "The mission called on Israel to exercise restraint.", ("IGO", "02", "ISR")),
    ("The European Union imposed new sanctions on Russia on Tuesday.\n\nHungary criticised the bloc.",
     ("HUN", "11", "IGO")),
])
def test_the_bloc_or_the_mission_is_the_organisation_named_last(pipeline: Pipeline, text: str,
                                                                expected: tuple[str, str, str]) -> None:
    assert expected in roots(pipeline, text)


def test_brokering_an_exchange_between_two_parties_mediates_between_them(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The UAE brokered a prisoner exchange between Russia and Ukraine.")
    assert {("ARE", "04", "RUS"), ("ARE", "04", "UKR")} <= found


def test_a_feared_action_joined_to_another_stays_feared(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Analysts fear Beijing could read the pact as hostile and retaliate economically.") == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("Polish opposition leaders attacked the Polish government's migration plan.", {("POL", "11", "POL")}),
    ("Denmark took over the rotating chairmanship of the Arctic Council from Norway on Monday.", set()),
])
def test_attacking_a_plan_is_criticism_and_taking_over_a_chair_is_no_occupation(
        pipeline: Pipeline, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert {r for r in roots(pipeline, text) if r[1] in ("11", "19")} == expected


def test_in_a_story_an_unplaced_official_is_a_compatriot_of_whom_he_accuses(pipeline: Pipeline) -> None:
    text = ("Colombia's government and the ELN signed a ceasefire in Havana on Friday.\n\n"
            "A senator of the right-wing opposition accused Petro of handing the rebels a truce.")
    assert ("COL", "11", "COL") in roots(pipeline, text)


def test_in_a_story_an_unplaced_group_met_is_no_party_to_the_relations(pipeline: Pipeline) -> None:
    text = ("South Korea and Japan agreed on Saturday to deepen cooperation.\n\n"
            "Lee later met business leaders in Tokyo.")
    assert not any("---" in (s, t) for s, _, t in roots(pipeline, text))


def test_issuing_a_joint_statement_is_signing_it_in_both_directions(pipeline: Pipeline) -> None:
    found = roots(pipeline, "South Korea and Japan issued a joint statement on Saturday evening.")
    assert {("KOR", "05", "JPN"), ("JPN", "05", "KOR")} <= found


def test_an_unplaced_spokesman_accusing_a_foreign_force_is_not_made_its_compatriot(pipeline: Pipeline) -> None:
    text = ("Thailand and Cambodia agreed to a ceasefire on Monday.\n\n"
            "An army spokesman accused Cambodian forces on Tuesday of launching attacks.")
    assert not any(s == "KHM" and c == "11" for s, c, _ in roots(pipeline, text))


def test_co_agents_are_not_each_others_targets(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Talks between Egypt and Ethiopia were mediated by the African Union and the US.")
    assert not any({s, t} == {"USA", "IGO"} for s, _, t in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Opponents of Kenya's parliament protested on Monday.", ("KENOPP", "141", "---")),
    ("President Joe Biden expressed sorrow for the shootings in South Carolina.", ("USAGOV", "018", "USA")),
    ("The Russian building was demolished by Ukrainian protesters.", ("UKROPP", "145", "RUS")),
])
def test_opponents_sympathy_and_rioting(pipeline: Pipeline, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in code(pipeline, text)


def test_what_an_actor_has_done_in_a_relative_clause_is_a_description_not_news(pipeline: Pipeline) -> None:
    found = roots(pipeline, "China, which has invested heavily in Pakistan, urged India to exercise restraint.")
    assert ("CHN", "02", "IND") in found
    assert not any(c == "06" for _, c, _ in found)


def test_an_undated_act_in_a_story_takes_the_last_news_day_it_named(pipeline: Pipeline) -> None:
    import datetime as dt

    text = ("Iran's foreign minister met the IAEA chief in Tehran on Tuesday.\n\n"
            "The two sides agreed that inspectors would be allowed back into Fordow.\n\n"
            "Iran has criticised the agency last month, officials recalled.")
    events = pipeline.extract_text(text, dt.date(2025, 2, 12)).events
    agreed = [e for e in events if e.code.startswith("03")]
    assert agreed and all(e.date == "2025-02-11" and e.date_text == "context: Tuesday" for e in agreed)
    assert all(e.date is None for e in events if e.code.startswith("11"))


def test_a_framing_phrase_dates_the_clause(pipeline: Pipeline) -> None:
    import datetime as dt

    text = "In a statement carried by the state news agency on Sunday, Kim Yo Jong denounced Japan's navy."
    events = pipeline.extract_text(text, dt.date(2025, 8, 25)).events
    assert events and all(e.date == "2025-08-24" for e in events)


@pytest.mark.parametrize("partner", ["host", "counterpart"])
def test_his_host_or_counterpart_is_the_other_party_named(pipeline: Pipeline, partner: str) -> None:
    text = ("South Korean President Lee Jae-myung met Japanese Prime Minister Shigeru Ishiba in Tokyo.\n\n"
            f"Lee praised his {partner} for showing sincerity.")
    assert ("KOR", "05", "JPN") in roots(pipeline, text)


def test_what_a_relative_clause_rejects_belongs_to_the_doer_of_the_main_clause(pipeline: Pipeline) -> None:
    text = ("Afghan Taliban forces attacked Pakistani border posts on Saturday.\n\n"
            "Islamabad accuses the Taliban of sheltering militants, a charge Mujahid again rejected on Saturday.\n\n"
            "Britain sent a patrol ship to Guyanese waters, a move Venezuela denounced as a threat.")
    found = roots(pipeline, text)
    assert ("VEN", "11", "GBR") in found
    assert not any(s == "VEN" and t == "GUY" for s, _, t in found)


def test_mediating_the_meeting_is_mediating_between_its_parties(pipeline: Pipeline) -> None:
    text = ("Thailand's Prime Minister Paetongtarn Shinawatra and Cambodian Prime Minister Hun Manet held talks "
            "on Monday in Putrajaya.\n\nMalaysian Prime Minister Anwar Ibrahim mediated the meeting.")
    assert {("MYS", "04", "THA"), ("MYS", "04", "KHM")} <= roots(pipeline, text)


def test_a_subject_parsed_as_the_object_of_after_still_acts(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The strikes came hours after Pakistan's special envoy, Mohammad Sadiq, arrived in Kabul "
                            "and held talks with Taliban Foreign Minister Amir Khan Muttaqi.")
    assert {("PAK", "04", "AFG"), ("AFG", "04", "PAK")} <= found


def test_a_joined_clause_with_its_own_subject_keeps_its_own_polarity(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Abiy said the dam was not a threat and that Ethiopia was ready to work with Egypt.")
    assert ("ETH", "03", "EGY") in found


def test_the_chair_of_a_body_speaks_for_it(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The chairperson of the African Union Commission urged Egypt and Ethiopia to talk.")
    assert {("IGO", "02", "EGY"), ("IGO", "02", "ETH")} <= found


def test_demonstrators_firing_missiles_use_force_not_a_riot(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Georgian demonstrators launched missiles at the Georgian government.")
    assert any(c == "19" for _, c, _ in found) and not any(c == "14" for _, c, _ in found)


def test_a_nation_split_from_its_attack_by_the_parser_is_still_its_author(pipeline: Pipeline) -> None:
    # parsed as "killed in *Israeli*, shelling in southern Lebanon": the nation and the attack apart
    found = code(pipeline, "Two civilians were killed in Israeli shelling in southern Lebanon.")
    assert ("ISR", "194", "LBNCVL") in found


def test_the_part_of_a_place_is_in_that_place(pipeline: Pipeline) -> None:
    found = code(pipeline, "Five shepherds were killed by Russian artillery fire in the east of Ukraine.")
    assert ("RUSMIL", "194", "UKR") in found  # the means "artillery fire" gives 194 too


def test_the_capital_of_a_named_country_is_a_place(pipeline: Pipeline) -> None:
    result = pipeline.extract_text("The foreign ministers of Kenya and Uganda met in the Kenyan capital on Monday.",
                                   dt.date(2024, 5, 15))
    assert {(e.source[:3], e.code, e.target[:3], e.place, e.place_country) for e in result.events} >= {
        ("UGA", "040", "KEN", "Nairobi", "KEN"), ("UGA", "042", "KEN", "Nairobi", "KEN")}


def test_a_document_speaks_for_its_author_or_where_it_was_published(pipeline: Pipeline) -> None:
    assert ("RUS", "11", "USA") in roots(pipeline, "A report published in Moscow on Friday accused Washington of "
                                                   "meddling in the election.")
    assert ("NGO", "11", "EGY") in roots(pipeline, "A report by Human Rights Watch accused Egypt of torture.")
    assert roots(pipeline, "A report accused Egypt of torture.") == set()


def test_a_name_in_lower_case_after_a_title_is_still_the_person(pipeline: Pipeline) -> None:
    assert ("USAGOV", "018", "USA") in code(pipeline, "President obama expressed sorrow for the shootings in Texas.",
                                            dt.date(2015, 6, 18))


def test_lawmakers_no_country_names_are_unplaced_lawmakers(pipeline: Pipeline) -> None:
    assert ("---LEG", "0253", "CHNGOV") in code(pipeline, "Lawmakers urged the Chinese government to release the "
                                                          "activists.")
    found = code(pipeline, "Members of parliament from Ghana's ruling party urged Togo to reopen the border.")
    assert ("GHALEG", "020", "TGO") in found and not any(s.startswith("---") for s, _, _ in found)


def test_a_protest_outside_an_actors_seat_is_aimed_at_it(pipeline: Pipeline) -> None:
    assert ("---", "14", "USA") in roots(pipeline, "Hundreds of students protested outside the US embassy on Monday.")


def test_a_participle_describing_the_subject_is_not_news(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Talks mediated by Qatar and Egypt collapsed in March.") == set()
    assert ("QAT", "04", "EGY") in roots(pipeline, "Qatar mediated talks with Egypt on Monday.")


def test_a_region_is_never_the_party_a_story_is_about(pipeline: Pipeline) -> None:
    text = ("West African leaders met in Abuja on Sunday and imposed sanctions on Mali.\n\n"
            "Belgium also suspended its development aid on Saturday.")
    found = roots(pipeline, text)
    assert ("BEL", "16", "MLI") in found and not any(t == "WAF" for _, _, t in found)


def test_hosting_talks_between_others_is_hosting_their_visit(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Qatar hosted talks between Chad and Niger in Doha on Monday.")
    assert {("TCD", "04", "NER"), ("NER", "04", "TCD"), ("QAT", "04", "TCD"), ("QAT", "04", "NER")} <= found
    assert ("QAT", "043", "NER") in {(s[:3], c, t[:3]) for s, c, t in code(
        pipeline, "Chad and Niger held talks on Sunday.\n\nQatar hosted the talks.")}


def test_convening_the_talks_of_others_is_mediating(pipeline: Pipeline) -> None:
    found = code(pipeline, "Chad and Niger held talks on Sunday.\n\nThe talks were convened by the African Union.")
    assert {("IGOAFRAFU", "045", "TCD"), ("IGOAFRAFU", "045", "NER")} <= found


def test_hosting_talks_with_a_partner_is_a_meeting(pipeline: Pipeline) -> None:
    found = code(pipeline, "Kenya convened a summit with Uganda on Sunday.")
    assert ("KEN", "040", "UGA") in found and not any(c in ("043", "045") for _, c, _ in found)


def test_the_four_ministers_are_the_last_four_people_named(pipeline: Pipeline) -> None:
    text = ("U.S. Secretary of State Antony Blinken and Defense Secretary Lloyd Austin hosted Japanese Foreign "
            "Minister Yoko Kamikawa and Defence Minister Minoru Kihara in Washington on Monday. The four ministers "
            "called on Pyongyang to halt its missile launches.")
    found = code(pipeline, text, dt.date(2024, 7, 30))
    assert {("USAGOV", "02", "PRKGOV"), ("JPNGOV", "02", "PRKGOV")} <= {(s, c[:2], t) for s, c, t in found}
    assert not any(c.startswith("02") and s[:3] == t[:3] for s, c, t in found)


def test_hosting_a_foreign_official_implies_the_guests_visit(pipeline: Pipeline) -> None:
    found = code(pipeline, "Kenyan President William Ruto hosted Ugandan President Yoweri Museveni on Monday.")
    assert {("KENGOV", "043", "UGAGOV"), ("UGAGOV", "042", "KEN")} <= found


def test_an_implicit_target_keeps_the_role_the_story_gave_it(pipeline: Pipeline) -> None:
    text = ("Athens protested to Ankara on Monday over a Turkish navigational warning.\n\n"
            "Turkish Foreign Minister Hakan Fidan rejected the protest on Tuesday.")
    assert ("TURGOV", "12", "GRCGOV") in {(s, c[:2], t) for s, c, t in code(pipeline, text)}


def test_a_news_day_named_in_a_sentence_with_no_event_still_dates_what_follows(pipeline: Pipeline) -> None:
    text = ("Spanish Prime Minister Pedro Sanchez and Senegalese President Bassirou Diomaye Faye were together in "
            "Dakar on Monday. The two leaders held talks and signed a fisheries agreement.\n\n"
            "Faye will travel to Madrid next month.")
    events = pipeline.extract_text(text, dt.date(2024, 8, 30)).events  # a Friday
    signed = [e for e in events if e.code == "057"]
    assert signed and all(e.date == "2024-08-26" and e.date_text == "context: Monday" for e in signed)
