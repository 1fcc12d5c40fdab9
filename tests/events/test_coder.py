"""The event coder on sentences written for these tests, one construction each."""

from __future__ import annotations

import datetime as dt

import pytest

from geopol.pipeline import Pipeline


def code(pipeline: Pipeline, text: str, date: dt.date | None = dt.date(2024, 5, 15),
         everything: bool = False) -> set[tuple[str, str, str]]:
    result = pipeline.extract_text(text, date)
    return {(e.source, e.code, e.target) for e in result.events}


def roots(pipeline: Pipeline, text: str, date: dt.date | None = dt.date(2024, 5, 15)) -> set[tuple[str, str, str]]:
    return {(s[:3], c[:2], t[:3]) for s, c, t in code(pipeline, text, date)}


def test_meeting_is_coded_in_both_directions(pipeline: Pipeline) -> None:
    found = roots(pipeline, "French President Emmanuel Macron met German Chancellor Olaf Scholz in Berlin on Monday.",
                  dt.date(2023, 6, 7))
    assert {("FRA", "04", "DEU"), ("DEU", "04", "FRA")} <= found


def test_compound_subject_with_light_verb(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Japan and South Korea held talks on trade in Seoul.")
    assert found == {("JPN", "04", "KOR"), ("KOR", "04", "JPN")}


def test_visit_targets_the_country_of_the_place(pipeline: Pipeline) -> None:
    found = code(pipeline, "Indian Prime Minister Narendra Modi arrived in Paris for a state visit.")
    assert ("INDGOV", "042", "FRA") in found


def test_passive_voice_swaps_source_and_target(pipeline: Pipeline) -> None:
    found = roots(pipeline, "The Kenyan government was criticised by Ethiopian officials for the decision.")
    assert found == {("ETH", "11", "KEN")}


def test_negated_action_is_not_an_event(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Brazil has not condemned Venezuela over the election.") == set()


def test_hypothetical_and_feared_actions_are_not_events(pipeline: Pipeline) -> None:
    assert roots(pipeline, "Western officials fear that Iran could supply drones to Russia.") == set()
    assert roots(pipeline, "If talks fail, Israel might attack Lebanon.") == set()


def test_all_modalities_keeps_them_with_their_modality(pipeline: Pipeline) -> None:
    from dataclasses import replace

    loose = replace(pipeline, config=replace(pipeline.config, all_modalities=True))
    result = loose.extract_text("Brazil has not condemned Venezuela over the election.", dt.date(2024, 1, 2))
    assert [(e.source, e.code[:2], e.target, e.modality) for e in result.events] == [
        ("BRA", "11", "VEN", "negated")]


def test_future_meeting_is_an_intention_036(pipeline: Pipeline) -> None:
    found = code(pipeline, "The Turkish president will meet Russian President Vladimir Putin in Sochi next week.")
    assert ("TURGOV", "036", "RUSGOV") in found
    assert all(c != "040" for _, c, _ in found)


def test_reported_speech_codes_the_reported_action(pipeline: Pipeline) -> None:
    found = roots(pipeline, "A spokesman said Pakistan had accused India of violating the ceasefire.")
    assert ("PAK", "11", "IND") in found


def test_pronoun_refers_to_the_last_named_person(pipeline: Pipeline) -> None:
    text = ("Indian Prime Minister Narendra Modi arrived in Tokyo on Monday. "
            "He praised Japan for its investment in Indian railways.")
    assert ("IND", "05", "JPN") in roots(pipeline, text)


def test_surname_after_full_name_keeps_the_title_coding(pipeline: Pipeline) -> None:
    text = ("Norwegian Deputy Foreign Minister Anders Kvamsdal visited Kenya. "
            "Kvamsdal later criticised Somalia.")
    assert ("NORGOV", "111", "SOM") in code(pipeline, text)


def test_two_leaders_refers_to_the_last_two_countries(pipeline: Pipeline) -> None:
    text = ("Egyptian President Abdel Fattah el-Sisi received King Abdullah II of Jordan in Cairo on Sunday. "
            "The two leaders signed an agreement on water.")
    found = roots(pipeline, text)
    assert {("EGY", "05", "JOR"), ("JOR", "05", "EGY")} <= found


def test_unknown_person_is_coded_from_title(pipeline: Pipeline) -> None:
    found = code(pipeline, "Russian lawmakers condemned Estonian Defence Minister Hanno Pevkur.")
    assert ("RUSLEG", "111", "ESTGOV") in found


def test_capital_as_metonym_is_the_government(pipeline: Pipeline) -> None:
    assert ("CHNGOV", "111", "USAGOV") in code(pipeline, "Beijing criticised Washington over the tariffs.")


@pytest.mark.parametrize("text", [
    "The weather in Moscow was cold on Tuesday.",
    "Analysts say relations between the two countries remain complex.",
])
def test_background_without_action_is_not_coded(pipeline: Pipeline, text: str) -> None:
    assert roots(pipeline, text) == set()


def test_dates_resolve_against_the_document_date(pipeline: Pipeline) -> None:
    result = pipeline.extract_text("Chinese Foreign Minister Wang Yi met Indian officials on Tuesday.",
                                   dt.date(2024, 5, 15))
    assert {e.date for e in result.events} == {"2024-05-14"}


def test_date_range_gives_start_and_end(pipeline: Pipeline) -> None:
    text = "Kazakh President Kassym-Jomart Tokayev paid a state visit to China on May 16 and 17."
    result = pipeline.extract_text(text, dt.date(2024, 5, 18))
    visit = [e for e in result.events if e.code == "042"]
    assert visit and (visit[0].date, visit[0].date_end) == ("2024-05-16", "2024-05-17")


def test_evidence_offsets_point_into_the_cleaned_text(pipeline: Pipeline) -> None:
    text = "Advertisement\n\nJapan condemned North Korea on Monday.\n\nShare This Article"
    result = pipeline.extract_text(text, dt.date(2024, 5, 15))
    assert result.events
    for event in result.events:
        assert result.document.text[event.start:event.end] == event.sentence
        assert "Advertisement" not in event.sentence


def test_group_pronoun_is_the_subject_of_the_reporting_clause(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Norway said on Monday that it had suspended economic aid to Chile.")
    assert ("NOR", "16", "CHL") in found


def test_collective_head_stands_for_its_of_phrase(pipeline: Pipeline) -> None:
    found = roots(pipeline, "A group of Peruvian lawmakers criticised Ecuador over the border closure.")
    assert ("PER", "11", "ECU") in found


def test_role_without_a_country_is_coded_with_an_unknown_country(pipeline: Pipeline) -> None:
    found = code(pipeline, "Rebels attacked a Malian army convoy near the border.")
    assert any(s == "---REB" and c.startswith("19") and t.startswith("MLI") for s, c, t in found)


def test_demand_takes_its_target_and_code_from_the_demanded_action(pipeline: Pipeline) -> None:
    found = code(pipeline, "Ghana demanded that Togo release the detained fishermen.")
    assert ("GHA", "1053", "TGO") in found


def test_appeal_is_specialised_by_the_requested_action(pipeline: Pipeline) -> None:
    found = code(pipeline, "Lebanon urged Cyprus to send humanitarian aid.")
    assert ("LBN", "0233", "CYP") in found
    assert not any(c.startswith("07") for _, c, _ in found), "the requested aid was not given"


def test_refusal_codes_a_rejection_and_not_the_refused_action(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Estonia refused to meet Belarus over the dispute.")
    assert ("EST", "12", "BLR") in found
    assert not any(c == "04" for _, c, _ in found)


def test_negated_promise_is_a_rejection(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Argentina said it would not provide economic aid to Bolivia.")
    assert ("ARG", "12", "BOL") in found


def test_received_from_is_coded_from_the_giver(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Moldovan farmers received humanitarian aid from Romania.")
    assert ("ROU", "07", "MDA") in found


def test_statement_without_a_target_is_not_an_event(pipeline: Pipeline) -> None:
    assert not any(c.startswith("01") for _, c, _ in code(pipeline, "Peru declined to comment on Sunday."))


def test_threat_is_specialised_by_the_threatened_action_which_is_not_emitted(pipeline: Pipeline) -> None:
    found = code(pipeline, "Chile threatened to impose sanctions on Peru.")
    assert ("CHL", "1312", "PER") in found
    assert not any(c.startswith("16") for _, c, _ in found)


def test_protest_without_a_target_is_aimed_at_the_country_it_happens_in(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Kenyan activists staged a protest in Kampala on Tuesday.")
    assert ("KEN", "14", "UGA") in found


def test_attack_on_a_city_targets_its_country(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Rebels shelled Aleppo overnight.")
    assert ("---", "19", "SYR") in found


def test_event_place_comes_from_the_gazetteer(pipeline: Pipeline) -> None:
    text = "Vietnam and Laos signed a border agreement in Da Nang on Monday."
    result = pipeline.extract_text(text, dt.date(2024, 5, 15))
    places = {(e.place, e.place_country) for e in result.events}
    assert places == {("Da Nang", "VNM")}


def test_engaging_someone_in_a_fight_targets_the_object(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Sudanese rebels engaged Chadian soldiers in a firefight near the border.")
    assert ("SDN", "19", "TCD") in found
    assert ("TCD", "19", "SDN") not in found, "the rebels attacked; the soldiers did not"


def test_troops_withdrawing_is_military_de_escalation(pipeline: Pipeline) -> None:
    found = code(pipeline, "Armenian troops withdrew from the disputed villages, Azerbaijan said.")
    assert any(s == "ARMMIL" and c == "087" for s, c, _ in found)


def test_presenting_evidence_against_someone_is_an_accusation(pipeline: Pipeline) -> None:
    assert ("NLD", "11", "RUS") in roots(pipeline, "The Netherlands presented evidence against Russia.")


def test_possessive_pronoun_opening_a_sentence_is_its_subject(pipeline: Pipeline) -> None:
    text = ("Indian Prime Minister Narendra Modi spoke to Japanese Prime Minister Fumio Kishida on Monday. "
            "In his meeting with Australian Prime Minister Anthony Albanese on Tuesday, Modi said trade would grow.")
    result = pipeline.extract_text(text, dt.date(2023, 5, 25))
    meetings = {(e.source, e.target, e.date) for e in result.events if e.trigger == "meeting"}
    assert ("INDGOV", "AUSGOV", "2023-05-23") in meetings


def test_titled_person_of_unknown_country_keeps_the_role(pipeline: Pipeline) -> None:
    found = code(pipeline, "Governor Zorbin Quallet criticised Denmark over the fishing quotas.")
    assert ("---GOV", "111", "DNK") in found


def test_lifting_a_curfew_targets_the_country_of_the_place(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Bolivia lifted a night curfew in Peru's border towns near Chile.")
    assert any(s == "BOL" and c == "08" for s, c, _ in found)


def test_demand_for_an_action_targets_the_actor_inside_it(pipeline: Pipeline) -> None:
    found = code(pipeline, "Uruguay called for the withdrawal of Paraguayan troops.")
    assert ("URY", "0256", "PRYMIL") in found


def test_reported_obligation_is_a_demand_not_the_targets_intent(pipeline: Pipeline) -> None:
    found = code(pipeline, "Norway said on Monday that Iceland must release the detained fishermen.")
    assert ("NOR", "1053", "ISL") in found
    assert not any(s == "ISL" for s, _, _ in found), "Iceland did not promise anything"


def test_speaker_among_those_who_should_act_is_an_intention(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Wang said Beijing and Hanoi should strengthen economic cooperation.")
    assert not any(c == "10" for _, c, _ in found)


def test_light_verb_object_quantity_reaches_the_event_noun(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Egypt and Jordan held a second round of talks in Amman on Sunday.")
    assert {("EGY", "04", "JOR"), ("JOR", "04", "EGY")} <= found


def test_object_of_a_sanction_for_doing_something_is_who_did_it(pipeline: Pipeline) -> None:
    found = roots(pipeline, "A Kenyan court jailed a Somali man for helping militants attack Ethiopia.")
    assert not any(s == "KEN" and c == "07" for s, c, _ in found), "the court did not help"


def test_allegation_targets_the_subject_of_the_alleged_clause(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Serbia alleged that Croatia had armed the militias.")
    assert ("SRB", "11", "HRV") in found


def test_collective_of_troops_withdrawing_is_military(pipeline: Pipeline) -> None:
    found = code(pipeline, "Hundreds of Turkish troops withdrew from the border area, officials in Baghdad said.")
    assert any(s.startswith("TUR") and c == "087" for s, c, _ in found)


def test_kind_of_cooperation_gives_the_material_code(pipeline: Pipeline) -> None:
    found = code(pipeline, "Egypt and Sudan agreed last year and now continue to expand military cooperation.")
    assert ("EGY", "062", "SDN") in found and ("SDN", "062", "EGY") in found


def test_target_found_through_a_passive_participle_agent(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Iran criticised the new alliances led by Israel.")
    assert ("IRN", "11", "ISR") in found


def test_field_of_cooperation_in_a_phrase_gives_the_code(pipeline: Pipeline) -> None:
    found = code(pipeline, "Brazil and Angola are expanding cooperation in energy projects.")
    assert ("BRA", "061", "AGO") in found and ("AGO", "061", "BRA") in found


def test_passive_event_noun_takes_its_source_from_the_agent(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Evidence against Serbia was presented by Croatia.")
    assert ("HRV", "11", "SRB") in found


def test_claiming_ones_own_attack_is_a_claim_of_responsibility(pipeline: Pipeline) -> None:
    found = code(pipeline, "Azerbaijan claimed that it had attacked Armenia.")
    assert ("AZE", "015", "ARM") in found


def test_claim_about_another_actor_is_an_accusation(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Azerbaijan claimed that Armenia had shelled its villages.")
    assert ("AZE", "11", "ARM") in found


def test_wanting_someone_to_act_is_an_appeal(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Ghana wants Nigeria to reopen the border.")
    assert ("GHA", "02", "NGA") in found


def test_agreeing_that_something_is_so_is_an_accord_not_a_promise(pipeline: Pipeline) -> None:
    found = code(pipeline, "Kenya and Tanzania agreed that there was an urgent need for a new border treaty.")
    assert ("KEN", "019", "TZA") in found


def test_accusation_of_doing_something_is_the_only_event(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Uganda accused Rwanda of violating the ceasefire.")
    assert found == {("UGA", "11", "RWA")}


def test_noun_with_a_passive_participle_is_acted_upon(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Colombian officials accused of taking bribes were questioned on Monday.")
    assert not any(s == "COL" and c == "11" for s, c, _ in found)


def test_wanting_to_act_oneself_is_a_plan_not_an_appeal(pipeline: Pipeline) -> None:
    found = code(pipeline, "Chile wants to help Bolivia.")
    assert not any(c.startswith("02") for _, c, _ in found)
    assert ("CHL", "033", "BOL") in found


def test_hostile_event_noun_with_a_national_adjective_is_that_nations_act(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Israeli air strikes on Sidon killed twelve people, Egyptian officials said.")
    assert ("ISR", "19", "LBN") in found


def test_watchdog_without_a_country_is_a_stateless_rights_group(pipeline: Pipeline) -> None:
    found = code(pipeline, "A human rights watchdog criticised Eritrea over the arrests.")
    assert ("---HRI", "111", "ERI") in found


def test_attitude_adjective_is_a_statement_towards_its_object(pipeline: Pipeline) -> None:
    found = code(pipeline, "Estonia said it was skeptical about Russia's promises.")
    assert ("EST", "012", "RUS") in found
    found = code(pipeline, "Peru is confident that Chile will sign the treaty.")
    assert ("PER", "013", "CHL") in found


def test_threat_aimed_at_a_place_targets_its_country(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Armenia threatened to impose a curfew in Stepanakert, Azerbaijan said.")
    assert any(s == "ARM" and c == "13" for s, c, _ in found)


def test_prisoners_without_a_country_are_civilians(pipeline: Pipeline) -> None:
    found = code(pipeline, "Prisoners attacked Nigerian guards on Monday.")
    assert any(s == "---CVL" and t.startswith("NGA") for s, _, t in found)


def test_city_the_tagger_missed_is_still_an_attack_target(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Ukraine said Russian forces shelled Kharkiv overnight.")
    assert ("RUS", "19", "UKR") in found


def test_compound_subject_acting_on_itself_is_reciprocal(pipeline: Pipeline) -> None:
    found = roots(pipeline, "India and China agreed to disengage troops along their disputed border.")
    assert {("IND", "03", "CHN"), ("CHN", "03", "IND")} <= found


def test_phone_talks_and_pledges_through_quantities(pipeline: Pipeline) -> None:
    assert ("CHNGOV", "041", "RUSGOV") in code(
        pipeline, "Chinese President Xi Jinping spoke by phone with Russian President Vladimir Putin on Monday.")
    assert ("IGO", "03", "UKR") in roots(pipeline, "The European Union pledged 50 billion euros in aid to Ukraine.")


def test_possessive_pronoun_takes_the_nearest_party_named_before(pipeline: Pipeline) -> None:
    found = roots(pipeline, "Iran sold drones to Russia for its war in Ukraine.")
    assert ("IRN", "19", "UKR") not in found


def test_denied_and_warned_against_actions_are_not_events(pipeline: Pipeline) -> None:
    assert not any(c.startswith("07") for _, c, _ in code(pipeline, "China has denied supplying weapons to Russia."))
    found = code(pipeline, "Washington warned Beijing against providing military support to Moscow.")
    assert not any(c.startswith("07") for _, c, _ in found)
    assert ("USAGOV", "130", "CHNGOV") in found
