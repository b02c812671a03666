// SPDX-License-Identifier: GPL-3.0-or-later
//
// One row per codebook concept (sections 1-9 except the 195 states, which
// states_test.cc covers): a sentence where the concept must be found (with
// the exact text of the match) and a near miss, a close sentence where it
// must not. Multilingual rows check the fr/es/de/ja cues of the concept,
// the pillars, the dimensions and the main actors.
//
// The document language is guessed from the text (core/src/language.cc), and
// Latin-script cues of other languages apply only when the language is
// unknown or theirs. So every sentence is long enough for its language to be
// detected, and each row also checks the detected language: a row that
// passes only because the language came out unknown would prove little.
//
// Known limitation (kept in the expectations, not hidden): a match ends at
// the end of the cue's last word, so a cue's final punctuation is not part
// of the matched text ("EE.UU." is matched as "EE.UU", "U.N." as "U.N").
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "hstag/codebook.h"
#include "lexicon_test_support.h"
#include "test_support.h"

namespace hstag::testing {
namespace {

struct Row {
  std::string name;       // test name (unique; [A-Za-z0-9_])
  std::string id;         // concept ID
  std::string lang;       // language of `positive`, as it must be detected
  std::string positive;   // a text where `id` must be found ...
  std::string matched;    // ... with exactly this matched text
  std::string near_miss;  // a close text where `id` must not be found ("": none)
  std::string near_lang;  // language of `near_miss`, as it must be detected
};

// Shown by GoogleTest instead of the struct's bytes.
void PrintTo(const Row& r, std::ostream* os) { *os << r.id << " (" << r.lang << ")"; }

std::string NameOf(std::string s) {
  for (auto& c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return s;
}

// An English row.
Row En(std::string id, std::string positive, std::string matched, std::string near_miss) {
  return {NameOf(id),           id,  "en", std::move(positive), std::move(matched),
          std::move(near_miss), "en"};
}

// A cue of another language quoted in an English document: a Latin-script
// cue of another language must not apply there.
std::string QuotedInEnglish(const std::string& cue) {
  return "The English summary of the report quotes the words \"" + cue +
         "\" from the original text, and the meaning of this phrase is explained for the "
         "reader in the notes that are at the end of the document.";
}

// A row in language `lang` whose near miss is the cue quoted in an English
// document (for Latin-script cues).
Row Foreign(std::string lang, std::string id, std::string positive, std::string matched) {
  std::string near = QuotedInEnglish(matched);
  return {lang + "_" + NameOf(id), id, lang, std::move(positive), matched, std::move(near), "en"};
}

// A row in language `lang` with its own near miss in the same language.
Row ForeignNear(std::string lang, std::string id, std::string positive, std::string matched,
                std::string near_miss) {
  return {lang + "_" + NameOf(id), id,  lang, std::move(positive), std::move(matched),
          std::move(near_miss),    lang};
}

// ------------------------------------------------------------------ English
const std::vector<Row>& CodebookRows() {
  static const std::vector<Row> rows = {
      // §1 the concept
      En("hs.concept",
         "The report argues that human security is the basis of the policy for all of the "
         "people in the region.",
         "human security",
         "The report argues that the human, security and economic aspects of the policy are "
         "linked to the needs of all of the people."),
      En("hs.approach",
         "The ministry has adopted a human security approach to the planning of its aid, and "
         "it is applied to all of the projects.",
         "human security approach",
         "The debate on human security approached its end when the chair of the meeting spoke, "
         "and that is all for this year."),

      // §2 the three freedoms
      En("pillar.freedom_from_fear",
         "The people of the region want freedom from fear, and that is the goal of the plan for "
         "the coming years.",
         "freedom from fear",
         "The people of the region had no freedom, and from fear of the army they fled to the "
         "hills with all of their children."),
      En("pillar.freedom_from_want",
         "The plan is to secure freedom from want for all of the people in the region, and this "
         "is the aim of the state.",
         "freedom from want",
         "The people of the region have freedom. From want of money, the state is not able to do "
         "more for them, and that is the problem."),
      En("pillar.freedom_to_live_in_dignity",
         "All of the people have the freedom to live in dignity, and that is the promise of the "
         "state to its citizens.",
         "freedom to live in dignity",
         "The freedom to live in peace is the wish of the people, and the dignity of all of them "
         "is important for the state."),

      // §3 the seven dimensions
      En("dimension.economic",
         "The economic security of the households is at risk, and this is a concern for the "
         "state and for the people.",
         "economic security",
         "The economic and security interests of the state are at risk, and this is a concern "
         "for the government and for the people."),
      En("dimension.food",
         "The food security of the region is at risk, and this is a concern for the state and "
         "for the people.",
         "food security",
         "The food safety rules and the security of the markets are a concern for the state and "
         "for all of the people of the region."),
      En("dimension.health",
         "Health security is a concern for the state and for the people, and it is the focus of "
         "the new plan.",
         "Health security",
         "The health and safety of the workers and the security of the site are a concern for "
         "the state and for the people."),
      En("dimension.environmental",
         "Environmental security is a concern for the state and for the people, and it is the "
         "focus of the new plan.",
         "Environmental security",
         "The environmental impact assessment and the security of the site are a concern for the "
         "state and for all of the people."),
      En("dimension.personal",
         "The personal security of the staff is a concern for the state and for the people, and "
         "it is the focus of the plan.",
         "personal security",
         // an excluded context
         "The minister and his personal security detail arrived at the hotel, and it is the "
         "first visit of the year to the region."),
      En("dimension.community",
         "Community security is a concern for the state and for the people, and it is the focus "
         "of the new plan.",
         "Community security",
         "The community, security forces and the police met in the town hall, and it is the "
         "first meeting of the year for all of them."),
      En("dimension.political",
         "Political security is a concern for the state and for the people, and it is the focus "
         "of the new plan.",
         "Political security",
         // an excluded context
         "The ASEAN Political-Security Community is one of the three pillars of the region, and "
         "it is the topic of the meeting."),

      // §4 how it is implemented
      En("approach.protection",
         "The protection of people is the duty of the state, and it is a part of the plan for "
         "all of the region.",
         "protection of people",
         "The protection of the environment is the duty of the state, and it is a part of the "
         "plan for all of the region."),
      En("approach.empowerment",
         "The empowerment of women is a goal of the state, and it is a part of the plan for all "
         "of the region.",
         "empowerment",
         // the legal sense
         "The Council is empowered to decide on the budget of the state, and it is the body that "
         "is responsible for this."),

      // §5 principles
      En("principle.people_centred",
         "The plan is people-centred, and it is the basis of the work of the state for all of "
         "the region.",
         "people-centred",
         "The plan is centred on the people of the region, and it is the basis of the work of "
         "the state for all of them."),
      En("principle.comprehensive",
         "The state has adopted a comprehensive approach to the crisis, and it is the basis of "
         "the plan for all of the people.",
         "comprehensive approach",
         "The state has published a comprehensive report, and its approach to the crisis is the "
         "subject of the debate for all of the people."),
      En("principle.context_specific",
         "The response is context-specific, and it is the basis of the work of the state for "
         "all of the region.",
         "context-specific",
         "The specific context of the response is the basis of the work of the state, and it is "
         "known to all of the region."),
      En("principle.prevention_oriented",
         "The policy of the state is prevention-oriented, and it is the basis of the work for "
         "all of the region.",
         "prevention-oriented",
         // an excluded context
         "The use of preventive detention by the police is a concern for the courts, and it is "
         "the subject of the report."),
      En("principle.interconnected",
         "The report describes the interconnected threats that the people of the region face, "
         "and it is the basis of the plan.",
         "interconnected threats",
         "The world is interconnected, and the threats that the people of the region face are a "
         "concern for the state."),
      En("principle.universal",
         "Their security is a universal concern of the people, and it is the basis of the work "
         "of the state for all of the region.",
         "universal concern",
         "The concern of the state is universal access to schools for all of the people, and it "
         "is the goal of the plan."),

      // §6 cross-cutting topics
      En("topic.women_peace_security",
         "The state has a national action plan on women, peace and security, and it is the "
         "basis of the work for all of the region.",
         "women, peace and security",
         "The women of the region want peace, and security is the concern of the state for all "
         "of the people."),
      En("topic.children_armed_conflict",
         "The report on children and armed conflict is the basis of the work of the state for "
         "all of the region.",
         "children and armed conflict",
         "The children, and the armed conflict in the region, are the subject of the report "
         "that is published by the state."),
      En("topic.protection_of_civilians",
         "The protection of civilians is the mandate of the mission, and it is the basis of the "
         "work for all of the region.",
         "protection of civilians",
         // all caps POC is "point of contact", not a cue
         "The POC for the mission is the officer of the day, and all of the reports are sent to "
         "him by the staff."),
      En("topic.cultural_property_protection",
         "The cultural property protection unit of the army is the basis of the work for all of "
         "the region.",
         "cultural property protection",
         // an ambiguous acronym, not a cue
         "The CPP is the party that won the election, and it is the subject of the report for "
         "all of the people."),
      En("topic.building_integrity",
         "The programme on building integrity in the defence sector is the basis of the work for "
         "all of the region.",
         "building integrity",
         "The integrity of the building is a concern for the engineers, and it is the subject of "
         "the report for the state."),
      En("topic.human_trafficking",
         "Human trafficking is a crime that is the subject of the work of the state for all of "
         "the region.",
         "Human trafficking",
         "The human cost of the trafficking of arms is a concern for the state, and it is the "
         "subject of the report."),
      En("topic.sexual_violence",
         "Conflict-related sexual violence is a concern for the state, and it is the subject of "
         "the report for all of the region.",
         "Conflict-related sexual violence",
         // an ambiguous acronym, not a cue
         "The SEA of the new port was published by the state, and it is the subject of the "
         "report for all of the people."),
      En("topic.responsibility_to_protect",
         "The responsibility to protect is a principle that is the subject of the report for "
         "all of the region.",
         "responsibility to protect",
         "The state has the responsibility to act and to protect the region, and it is the "
         "subject of the report for all."),

      // §7 organizations
      En("actor.un",
         "The UN has sent a mission to the region, and it is the first of its kind for the "
         "people of the area.",
         "UN",
         // "UN" inside another acronym
         "The UNDP has sent a mission to the region, and it is the first of its kind for the "
         "people of the area."),
      En("actor.un.general_assembly",
         "The General Assembly adopted the resolution, and it is the first of its kind for the "
         "people of the area.",
         "General Assembly",
         // an excluded context
         "The OAS General Assembly adopted the resolution, and it is the first of its kind for "
         "the people of the area."),
      En("actor.un.security_council",
         "The Security Council adopted the resolution, and it is the first of its kind for the "
         "people of the area.",
         "Security Council",
         // an excluded context
         "The National Security Council met in the capital, and it is the first meeting of its "
         "kind for the people of the area."),
      En("actor.un.secretary_general",
         "The Secretary-General spoke to the press, and it is the first statement of its kind "
         "for the people of the area.",
         "Secretary-General",
         // an excluded context
         "The NATO Secretary General spoke to the press, and it is the first statement of its "
         "kind for the people of the area."),
      En("actor.undp",
         "The UNDP has sent a mission to the region, and it is the first of its kind for the "
         "people of the area.",
         "UNDP",
         "The United Nations Development Group has sent a mission to the region, and it is the "
         "first of its kind for the people."),
      En("actor.unhcr",
         "The UNHCR has sent a mission to the region, and it is the first of its kind for the "
         "people of the area.",
         "UNHCR",
         "The High Commissioner for Human Rights has sent a mission to the region, and it is the "
         "first of its kind for the people."),
      En("actor.unocha",
         "OCHA has sent a mission to the region, and it is the first of its kind for the people "
         "of the area.",
         "OCHA",
         "The coordination of humanitarian affairs is the job of the office, and it is the "
         "subject of the report for the people."),
      En("actor.untfhs",
         "The UN Trust Fund for Human Security has funded the project, and it is the first of "
         "its kind for the people.",
         "UN Trust Fund for Human Security",
         "The UN has a trust fund for the victims, and human security is the goal of the plan for "
         "all of the people."),
      En("actor.unssc",
         "The UN System Staff College in Turin offers a course, and it is the first of its kind "
         "for the staff of the people that work in the field.",
         "UN System Staff College",
         "The staff of the UN system and the college in Turin offer a course, and it is the "
         "first of its kind for the people."),
      En("actor.un.human_security_unit",
         "The Human Security Unit manages the fund, and it is the first of its kind for the "
         "people of the area.",
         "Human Security Unit",
         "The human security of the unit is a concern for the army, and it is the subject of the "
         "report for the people."),
      En("actor.chs",
         "The Commission on Human Security published its report in 2003, and it is the basis of "
         "the work for the people.",
         "Commission on Human Security",
         // an ambiguous acronym, not a cue
         "The CHS is a standard for the work of the agencies, and it is the basis of the work "
         "for the people of the area."),
      En("actor.advisory_board_hs",
         "The Advisory Board on Human Security met in New York, and it is the first meeting of "
         "its kind that is held for the people of the region.",
         "Advisory Board on Human Security",
         "The advisory board of the institute discussed human security, and it is the first "
         "meeting of its kind for the people."),
      En("actor.eu",
         "The EU has sent a mission to the region, and it is the first of its kind for the "
         "people of the area.",
         "EU",
         // "EU" inside another word
         "The fee is 20 EUR for each of the people, and it is the first fee of its kind that is "
         "paid for the visa."),
      En("actor.eu.commission",
         "The European Commission has sent a mission to the region, and it is the first of its "
         "kind for the people.",
         "European Commission",
         // an excluded context (Council of Europe)
         "The European Commission of Human Rights has decided the case, and it is the first of "
         "its kind for the people."),
      En("actor.eu.parliament",
         "The European Parliament has adopted the report, and it is the first of its kind for "
         "the people of the area.",
         "European Parliament",
         "The European parliaments of the member states have adopted the report, and it is the "
         "first of its kind for the people."),
      En("actor.nato",
         "NATO has sent a mission to the region, and it is the first of its kind for the people "
         "of the area.",
         "NATO",
         // the lower-case form of an acronym
         "The nato summit of the students was held in the hall, and it is the first of its kind "
         "for the people of the area."),
      En("actor.nato.cimic_coe",
         "The CIMIC Centre of Excellence in The Hague offers a course, and it is the first of "
         "its kind for the people.",
         "CIMIC Centre of Excellence",
         // CCOE outside a NATO context (requires actor.nato)
         "The CCOE issued a licence for the storage of explosives, and it is the first of its "
         "kind for the people of the area."),
      En("actor.icrc",
         "The International Committee of the Red Cross has visited the prisoners, and it is the "
         "first visit for the people.",
         "International Committee of the Red Cross",
         "The International Federation of Red Cross and Red Crescent Societies has sent aid, and "
         "it is the first for the people."),
      En("actor.hrw",
         "Human Rights Watch has published a report on the region, and it is the first of its "
         "kind that is written for the people of the area.",
         "Human Rights Watch",
         "The human rights watchdog of the state has published a report on the region, and it is "
         "the first for the people."),
      En("actor.amnesty",
         "Amnesty International has published a report on the region, and it is the first of its "
         "kind that is written for the people of the area.",
         "Amnesty International",
         // amnesty in its general sense
         "The government declared a general amnesty for former combatants, and it is the first "
         "of its kind that is given to the fighters of the region."),
      En("actor.human_security_network",
         "The Human Security Network was founded by a group of states, and it is the first of its "
         "kind for the people.",
         "Human Security Network",
         "The network of human security experts was founded by a group of states, and it is the "
         "first of its kind for the people."),
      En("actor.friends_of_hs",
         "The Friends of Human Security met in New York, and it is the first meeting of its kind "
         "for the people of the area.",
         "Friends of Human Security",
         "The friends of the human security agenda met in New York, and it is the first meeting "
         "of its kind for the people."),
      En("actor.human_security_collective",
         "The Human Security Collective in The Hague has published a report, and it is the first "
         "of its kind for the people.",
         "Human Security Collective",
         "The collective human security of the people is the goal of the plan, and it is the "
         "first of its kind for the area."),
      En("actor.human_security_centre",
         "The Human Security Centre in London has published a report, and it is the first of its "
         "kind that is written for the people of the area.",
         "Human Security Centre",
         "Human security is at the centre of the plan of the state, and it is the first of its "
         "kind for the people."),
      En("actor.jahss",
         "The Japan Association for Human Security Studies held its annual meeting, and it is "
         "the first of its kind for the people.",
         "Japan Association for Human Security Studies",
         "The association of human security studies in Japan held its meeting, and it is the "
         "first of its kind for the people."),

      // §8 definitions (definition plugin): a close quote in an English
      // paragraph; a near miss shares only a few words.
      En("definition.undp_1994",
         "The report recalls that human security means, in the words of the UNDP, safety from "
         "chronic threats such as hunger, disease and repression, and protection from sudden "
         "and hurtful disruptions in the patterns of daily life. This is the basis of the plan.",
         "safety from chronic threats such as hunger, disease and repression, and protection "
         "from sudden and hurtful disruptions in the patterns of daily life",
         "The report says that the threats of hunger and disease are a concern for the region, "
         "and that the patterns of the plan are the basis of the policy."),
      En("definition.chs_2003",
         "The strategy follows the Commission, for which the aim is to protect the vital core of "
         "all human lives in ways that enhance human freedoms and human fulfilment. This is the "
         "basis of the plan for the region.",
         "to protect the vital core of all human lives in ways that enhance human freedoms and "
         "human fulfilment",
         "The army must protect the core of its bases, and the freedoms of the people are a "
         "concern for all of the lives in the region."),
      En("definition.unga_66_290",
         "The strategy recalls the resolution: human security is the right of people to live in "
         "freedom and dignity, free from poverty and despair. This is the basis of the plan for "
         "the region.",
         "the right of people to live in freedom and dignity, free from poverty and despair",
         "The people of the region have the right to vote, and poverty is the concern of the "
         "state for all of them in the years to come."),
      En("definition.barcelona_2004",
         "The report recalls that human security refers to freedom for individuals from basic "
         "insecurities caused by gross human rights violations. This is the basis of the plan "
         "for the region.",
         "human security refers to freedom for individuals from basic insecurities caused by "
         "gross human rights violations",
         "The report says that the violations of the rules by individuals are a concern for the "
         "state and for the courts of the region."),
      En("definition.madrid_2007",
         "The report recalls that human security is about the basic needs of individuals and "
         "communities in times of peril. This is the basis of the plan for the region and for "
         "its people.",
         "human security is about the basic needs of individuals and communities in times of "
         "peril",
         "The report says that the needs of the communities are basic, and that the times are "
         "hard for the people of the region."),
      En("definition.uk_jsp_1325",
         "The doctrine says that human security is an approach to national and international "
         "security that gives primacy to human beings and their complex social and economic "
         "interactions. This is the basis of the plan.",
         "human security is an approach to national and international security that gives "
         "primacy to human beings and their complex social and economic interactions",
         "The doctrine says that national security is a concern of the state, and that the "
         "economic interactions of the region are complex."),

      // §9 citations (regex plugin)
      En("citation.un_resolution",
         "The plan is based on resolution 66/290 of the General Assembly, and it is the basis of "
         "the work for the people.",
         "resolution 66/290",
         "The state adopted a resolution 15 years ago, and it is the basis of the plan for all of "
         "the people of the region."),
      En("citation.un_document",
         "The report of the Secretary-General (A/64/701) is the first on the topic, and it is the "
         "basis of the work for the people.",
         "A/64/701",
         "The table on page 12/3 of the annex shows the figures, and it is the basis of the work "
         "for all of the people of the region."),
  };
  return rows;
}

// ------------------------------------------------------------- multilingual
const std::string kFr =
    " C'est une priorité pour le gouvernement et pour les citoyens qui vivent dans les régions "
    "du pays.";
const std::string kEs =
    " Es una prioridad para el gobierno y para los ciudadanos que viven en las regiones del "
    "país, como se ha dicho.";
const std::string kDe =
    " Das ist für die Regierung und für die Bürger ein Ziel, das sich mit den Partnern auf der "
    "Welt erreichen lässt.";
const std::string kJa =
    "これは政府と国民にとって重要な課題であり、国際社会と協力して取り組んでいます。";

const std::vector<Row>& MultilingualRows() {
  static const std::vector<Row> rows = {
      // ------------------------------------------------------------- French
      Foreign("fr", "hs.concept", "La sécurité humaine est au cœur de la politique." + kFr,
              "sécurité humaine"),
      Foreign("fr", "pillar.freedom_from_fear",
              "Les citoyens veulent vivre à l'abri de la peur." + kFr, "à l'abri de la peur"),
      Foreign("fr", "pillar.freedom_from_want",
              "Les citoyens veulent vivre à l'abri du besoin." + kFr, "à l'abri du besoin"),
      Foreign("fr", "pillar.freedom_to_live_in_dignity",
              "Les citoyens veulent vivre dans la dignité." + kFr, "vivre dans la dignité"),
      Foreign("fr", "dimension.economic", "La sécurité économique est menacée." + kFr,
              "sécurité économique"),
      Foreign("fr", "dimension.food", "La sécurité alimentaire est menacée." + kFr,
              "sécurité alimentaire"),
      Foreign("fr", "dimension.health", "La sécurité sanitaire est menacée." + kFr,
              "sécurité sanitaire"),
      Foreign("fr", "dimension.environmental", "La sécurité environnementale est menacée." + kFr,
              "sécurité environnementale"),
      Foreign("fr", "dimension.personal", "La sécurité personnelle est menacée." + kFr,
              "sécurité personnelle"),
      Foreign("fr", "dimension.community", "La sécurité communautaire est menacée." + kFr,
              "sécurité communautaire"),
      Foreign("fr", "dimension.political", "La sécurité politique est menacée." + kFr,
              "sécurité politique"),
      Foreign("fr", "actor.un", "L'ONU a envoyé une mission dans la région." + kFr, "ONU"),
      Foreign("fr", "actor.nato", "L'OTAN a envoyé une mission dans la région." + kFr, "OTAN"),
      Foreign("fr", "actor.eu", "L'UE a envoyé une mission dans la région." + kFr, "UE"),
      Foreign("fr", "actor.state.GB", "Le Royaume-Uni a envoyé une mission dans la région." + kFr,
              "Royaume-Uni"),
      Foreign("fr", "actor.state.US", "Les États-Unis ont envoyé une mission dans la région." + kFr,
              "États-Unis"),

      // ------------------------------------------------------------ Spanish
      Foreign("es", "hs.concept", "La seguridad humana es el centro de la política." + kEs,
              "seguridad humana"),
      Foreign("es", "pillar.freedom_from_fear",
              "Los ciudadanos quieren vivir libres del temor." + kEs, "libres del temor"),
      Foreign("es", "pillar.freedom_from_want",
              "Los ciudadanos quieren vivir libres de la miseria." + kEs, "libres de la miseria"),
      Foreign("es", "pillar.freedom_to_live_in_dignity",
              "Los ciudadanos quieren vivir con dignidad." + kEs, "vivir con dignidad"),
      Foreign("es", "dimension.economic", "La seguridad económica está amenazada." + kEs,
              "seguridad económica"),
      Foreign("es", "dimension.food", "La seguridad alimentaria está amenazada." + kEs,
              "seguridad alimentaria"),
      Foreign("es", "dimension.health", "La seguridad sanitaria está amenazada." + kEs,
              "seguridad sanitaria"),
      Foreign("es", "dimension.environmental", "La seguridad ambiental está amenazada." + kEs,
              "seguridad ambiental"),
      Foreign("es", "dimension.personal", "La seguridad personal está amenazada." + kEs,
              "seguridad personal"),
      Foreign("es", "dimension.community", "La seguridad comunitaria está amenazada." + kEs,
              "seguridad comunitaria"),
      Foreign("es", "dimension.political", "La seguridad política está amenazada." + kEs,
              "seguridad política"),
      Foreign("es", "actor.un", "La ONU ha enviado una misión a la región." + kEs, "ONU"),
      Foreign("es", "actor.nato", "La OTAN ha enviado una misión a la región." + kEs, "OTAN"),
      Foreign("es", "actor.eu", "La UE ha enviado una misión a la región." + kEs, "UE"),
      Foreign("es", "actor.state.GB", "El Reino Unido ha enviado una misión a la región." + kEs,
              "Reino Unido"),
      // The match ends with the last word: the final period of "EE.UU." is
      // not in the span (see the file comment). The near miss quotes the
      // full cue.
      {"es_actor_state_US", "actor.state.US", "es",
       "EE.UU. ha enviado una misión a la región." + kEs, "EE.UU", QuotedInEnglish("EE.UU."), "en"},

      // ------------------------------------------------------------- German
      Foreign("de", "hs.concept", "Die menschliche Sicherheit ist das Ziel der Politik." + kDe,
              "menschliche Sicherheit"),
      Foreign("de", "pillar.freedom_from_fear",
              "Die Menschen sollen in Freiheit von Furcht leben." + kDe, "Freiheit von Furcht"),
      Foreign("de", "pillar.freedom_from_want",
              "Die Menschen sollen in Freiheit von Not leben." + kDe, "Freiheit von Not"),
      Foreign("de", "pillar.freedom_to_live_in_dignity",
              "Die Menschen sollen in Würde leben können." + kDe, "in Würde leben"),
      Foreign("de", "dimension.economic", "Die wirtschaftliche Sicherheit ist bedroht." + kDe,
              "wirtschaftliche Sicherheit"),
      Foreign("de", "dimension.food", "Die Ernährungssicherheit ist bedroht." + kDe,
              "Ernährungssicherheit"),
      Foreign("de", "dimension.health", "Die Gesundheitssicherheit ist bedroht." + kDe,
              "Gesundheitssicherheit"),
      Foreign("de", "dimension.environmental", "Die Umweltsicherheit ist bedroht." + kDe,
              "Umweltsicherheit"),
      Foreign("de", "dimension.personal", "Die persönliche Sicherheit ist bedroht." + kDe,
              "persönliche Sicherheit"),
      Foreign("de", "dimension.community", "Die Sicherheit der Gemeinschaft ist bedroht." + kDe,
              "Sicherheit der Gemeinschaft"),
      Foreign("de", "dimension.political", "Die politische Sicherheit ist bedroht." + kDe,
              "politische Sicherheit"),
      Foreign("de", "actor.un", "Vereinte Nationen entsenden eine Mission in die Region." + kDe,
              "Vereinte Nationen"),
      Foreign("de", "actor.eu", "Die Europäische Union hat eine Mission entsandt." + kDe,
              "Europäische Union"),
      // "das Vereinigte Königreich": the form after the article (states 1.0.1).
      Foreign("de", "actor.state.GB", "Das Vereinigte Königreich hat eine Mission entsandt." + kDe,
              "Vereinigte Königreich"),

      // ----------------------------------------------------------- Japanese
      // Non-Latin cues apply whatever the document's language, so the near
      // misses are close Japanese phrases instead.
      ForeignNear("ja", "hs.concept", "政府は人間の安全保障を外交の柱としています。" + kJa,
                  "人間の安全保障", "政府は国家の安全保障を外交の柱としています。" + kJa),
      ForeignNear("ja", "pillar.freedom_from_fear",
                  "人々が恐怖からの自由を享受できるようにします。" + kJa, "恐怖からの自由",
                  "人々が恐怖を感じることのないようにします。" + kJa),
      ForeignNear("ja", "pillar.freedom_from_want",
                  "人々が欠乏からの自由を享受できるようにします。" + kJa, "欠乏からの自由",
                  "人々が物資の欠乏に苦しむことのないようにします。" + kJa),
      ForeignNear("ja", "pillar.freedom_to_live_in_dignity",
                  "人々が尊厳を持って生きる自由を享受できるようにします。" + kJa,
                  "尊厳を持って生きる自由", "人々の尊厳と表現の自由を守るようにします。" + kJa),
      ForeignNear("ja", "dimension.economic", "政府は経済的安全保障を重視しています。" + kJa,
                  "経済的安全保障", "政府は経済的な成長を重視しています。" + kJa),
      ForeignNear("ja", "dimension.food", "政府は食料安全保障を重視しています。" + kJa,
                  "食料安全保障", "政府は食品の安全を重視しています。" + kJa),
      ForeignNear("ja", "dimension.health", "政府は保健安全保障を重視しています。" + kJa,
                  "保健安全保障", "政府は保健医療の充実を重視しています。" + kJa),
      ForeignNear("ja", "dimension.environmental", "政府は環境安全保障を重視しています。" + kJa,
                  "環境安全保障", "政府は環境の保全を重視しています。" + kJa),
      ForeignNear("ja", "dimension.personal", "政府は個人の安全保障を重視しています。" + kJa,
                  "個人の安全保障", "政府は個人の情報を重視しています。" + kJa),
      ForeignNear("ja", "dimension.community",
                  "政府はコミュニティの安全保障を重視しています。" + kJa, "コミュニティの安全保障",
                  "政府はコミュニティの活動を重視しています。" + kJa),
      ForeignNear("ja", "dimension.political", "政府は政治的安全保障を重視しています。" + kJa,
                  "政治的安全保障", "政府は政治的な安定を重視しています。" + kJa),
      // "国連" inside a longer name is that body (the longest match wins).
      ForeignNear("ja", "actor.un", "国連は地域に使節団を派遣しました。" + kJa, "国連",
                  "国連開発計画は地域に使節団を派遣しました。" + kJa),
      ForeignNear("ja", "actor.eu", "欧州連合は地域に使節団を派遣しました。" + kJa, "欧州連合",
                  "欧州評議会は地域に使節団を派遣しました。" + kJa),
      ForeignNear("ja", "actor.nato", "北大西洋条約機構は地域に使節団を派遣しました。" + kJa,
                  "北大西洋条約機構", "北大西洋の国々は地域に使節団を派遣しました。" + kJa),
  };
  return rows;
}

// ------------------------------------------------------------------- tests
class CodebookRowTest : public ::testing::TestWithParam<Row> {};

TEST_P(CodebookRowTest, MatchesThePositiveAndNotTheNearMiss) {
  const Row& r = GetParam();
  ASSERT_NE(DefaultPipeline().FindConcept(r.id), nullptr) << r.id << " is not a loaded concept";

  const Tagged pos = Tag(r.positive);
  EXPECT_EQ(pos.language, r.lang) << "positive: " << r.positive;
  EXPECT_TRUE(HasMatch(pos, r.id, r.matched))
      << r.id << " should match '" << r.matched << "' in: " << r.positive
      << "\n  found: " << Describe(pos);

  if (r.near_miss.empty()) return;
  const Tagged near = Tag(r.near_miss);
  EXPECT_EQ(near.language, r.near_lang) << "near miss: " << r.near_miss;
  EXPECT_FALSE(HasConcept(near, r.id)) << r.id << " should not match the near miss: " << r.near_miss
                                       << "\n  found: " << Describe(near);
}

std::string RowName(const ::testing::TestParamInfo<Row>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(Codebook, CodebookRowTest, ::testing::ValuesIn(CodebookRows()), RowName);
INSTANTIATE_TEST_SUITE_P(Multilingual, CodebookRowTest, ::testing::ValuesIn(MultilingualRows()),
                         RowName);

// Every concept of the loaded lexicons except the states (states_test.cc)
// has a row above: a concept added without a test fails here.
TEST(CodebookCoverageTest, EveryConceptHasARow) {
  std::set<std::string> covered;
  for (const auto& r : CodebookRows()) covered.insert(r.id);
  std::vector<std::string> missing;
  for (const Concept* c : DefaultPipeline().concepts()) {
    if (c->id.rfind("actor.state.", 0) == 0) continue;
    if (!covered.count(c->id)) missing.push_back(c->id);
  }
  EXPECT_TRUE(missing.empty()) << missing.size() << " concept(s) without a row in "
                               << "tests/lexicon/codebook_test.cc: "
                               << ::testing::PrintToString(missing);
}

// The shipped lexicons define every ID of the codebook (the public
// contract, ../shared/reference/codebook.md), and only those (but the
// states, actor.state.XX, which states_test.cc checks).
TEST(CodebookCoverageTest, TheLexiconsDefineTheCodebooksIdsAndNoOther) {
  const std::string codebook = CorpusDir().empty() ? "" : CorpusDir() + "/../reference/codebook.md";
  const std::string text = codebook.empty() ? "" : ReadAll(codebook);
  if (text.empty()) GTEST_SKIP() << "the codebook (" << codebook << ") is absent: test skipped";
  std::set<std::string> in_codebook;
  for (size_t i = text.find('`'); i != std::string::npos; i = text.find('`', i + 1)) {
    const size_t end = text.find('`', i + 1);
    if (end == std::string::npos) break;
    const std::string word = text.substr(i + 1, end - i - 1);
    const bool id = !codebook::SectionOf(word).empty() &&
                    word.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_.") ==
                        std::string::npos;
    if (id && word.rfind("actor.state.", 0) != 0) in_codebook.insert(word);
    i = end;
  }
  ASSERT_GT(in_codebook.size(), 60u) << "the codebook's IDs were not read";
  std::set<std::string> defined;
  for (const Concept* c : DefaultPipeline().concepts()) {
    if (c->id.rfind("actor.state.", 0) != 0) defined.insert(c->id);
  }
  std::vector<std::string> missing, extra;
  std::set_difference(in_codebook.begin(), in_codebook.end(), defined.begin(), defined.end(),
                      std::back_inserter(missing));
  std::set_difference(defined.begin(), defined.end(), in_codebook.begin(), in_codebook.end(),
                      std::back_inserter(extra));
  EXPECT_TRUE(missing.empty()) << "codebook IDs no lexicon defines: " << ::testing::PrintToString(missing);
  EXPECT_TRUE(extra.empty()) << "IDs outside the codebook: " << ::testing::PrintToString(extra);
}

TEST(CodebookCoverageTest, RowsNameLoadedConceptsAndAreUnique) {
  std::set<std::string> names;
  for (const auto* rows : {&CodebookRows(), &MultilingualRows()}) {
    for (const auto& r : *rows) {
      EXPECT_NE(DefaultPipeline().FindConcept(r.id), nullptr) << r.id;
      EXPECT_TRUE(names.insert(r.name).second) << "duplicate row name " << r.name;
    }
  }
  // One row per concept in the main table.
  std::set<std::string> ids;
  for (const auto& r : CodebookRows()) EXPECT_TRUE(ids.insert(r.id).second) << "two rows: " << r.id;
}

// The codebook's ambiguous short forms are not cues (the near misses above
// check CHS, CPP, SEA, POC); they count where the document defines them:
// the abbreviation plugin gives the later uses the defined concept.
TEST(CodebookAbbreviationsTest, AmbiguousShortFormsCountWhereTheDocumentDefinesThem) {
  struct Defined {
    const char* id;
    const char* text;
    const char* short_form;
  };
  const Defined cases[] = {
      {"hs.concept", "The Human Security (HS) concept is new, and the HS idea", "HS"},
      {"actor.chs", "The Commission on Human Security (CHS) was founded, and the CHS report",
       "CHS"},
      {"actor.un.human_security_unit",
       "The Human Security Unit (HSU) manages the fund, and the HSU staff", "HSU"},
      {"actor.human_security_network",
       "The Human Security Network (HSN) was founded, and the HSN meets", "HSN"},
      {"actor.human_security_centre",
       "The Human Security Centre (HSC) is in London, and the HSC report", "HSC"},
      {"actor.human_security_collective",
       "The Human Security Collective (HSC) is in The Hague, and the HSC report", "HSC"},
      {"topic.cultural_property_protection",
       "The Cultural Property Protection (CPP) unit is new, and the CPP staff", "CPP"},
      {"topic.building_integrity", "The Building Integrity (BI) effort is new, and the BI staff",
       "BI"},
      {"topic.sexual_violence",
       "The work on sexual exploitation and abuse (SEA) is new, and the SEA cases", "SEA"},
      {"topic.protection_of_civilians",
       "The protection of civilians (POC) is the task, and the POC staff", "POC"},
  };
  for (const auto& c : cases) {
    const std::string text = std::string(c.text) +
                             " are the basis of the work for all of the people of the region, and "
                             "that is the subject of this report.";
    const Tagged t = Tag(text);
    EXPECT_EQ(t.language, "en") << text;
    // The use after the definition; the one in it is the long form's mention.
    int n = 0;
    for (const auto& m : t.matches) n += m.concept_id == c.id && m.text == c.short_form;
    EXPECT_EQ(n, 1) << c.id << ": the use of " << c.short_form << " after its definition in: "
                    << text << "\n  found: " << Describe(t);
  }
}

// A short form that is a cue itself, in parentheses right after its long
// form, is the same mention (a definition counts once); its later uses
// count, and so does a short form in parentheses after other words.
TEST(CodebookAbbreviationsTest, AShortFormInItsOwnDefinitionIsTheLongFormsMention) {
  const Tagged t =
      Tag("The United Nations High Commissioner for Refugees (UNHCR) opened an office in the camp, "
          "and UNHCR staff registered the people who had fled the fighting in the region.");
  int n = 0;
  for (const auto& m : t.matches) n += m.concept_id == "actor.unhcr";
  EXPECT_EQ(n, 2) << Describe(t);
  EXPECT_TRUE(HasMatch(t, "actor.unhcr", "United Nations High Commissioner for Refugees"));
  // Without its long form before it, the short form is the mention.
  const Tagged alone =
      Tag("The refugee agency (UNHCR) opened an office in the camp, and its staff registered the "
          "people who had fled the fighting in the region.");
  EXPECT_TRUE(HasMatch(alone, "actor.unhcr", "UNHCR")) << Describe(alone);
}

// A post's title that ends with the actor it is held to names the post
// (codebook §10.1); the actor's own officer named with it names the actor.
TEST(CodebookNamesTest, AnotherStatesPostToAnActorIsAPostsTitle) {
  EXPECT_FALSE(HasMatch(Tag("The U.S. Ambassador to NATO, Ivo Daalder, arrived in Brussels."),
                        "actor.nato", "NATO"));
  EXPECT_FALSE(HasMatch(Tag("The Permanent Representative of Brazil to the United Nations "
                            "spoke first in the debate."),
                        "actor.un", "United Nations"));
  EXPECT_TRUE(HasMatch(Tag("NATO Secretary General Jaap de Hoop Scheffer arrived in Kabul."),
                       "actor.nato", "NATO"));
  EXPECT_TRUE(HasMatch(Tag("The ambassadors went to the United Nations to ask for help."),
                       "actor.un", "United Nations"));
}

// Codebook §1 gives "HS programme" as an example of hs.approach. "HS" is
// never a lexicon cue (README); the abbreviation plugin reads a defined "HS"
// inside the approach cues' phrases ("human security programme").
TEST(CodebookAbbreviationsTest, DefinedShortFormInAnApproachPhraseIsTheApproach) {
  const Tagged t = Tag(
      "The Human Security (HS) concept is new, and the HS programme of the ministry is the basis "
      "of the work for all of the people of the region.");
  EXPECT_TRUE(HasMatch(t, "hs.approach", "HS programme")) << Describe(t);
}

}  // namespace
}  // namespace hstag::testing

namespace hstag::testing {
namespace {

// The UDHR preamble's "freedom from fear and want" in the official wording
// of each of its eight languages (the text of ../shared/corpus/xml/udhr_*),
// each both freedoms.
TEST(CodebookMultilingualTest, TheUdhrPreamblesTwoFreedomsInEveryLanguage) {
  const std::pair<const char*, const char*> preambles[] = {
      {"en", "the advent of a world in which human beings shall enjoy freedom of speech and "
             "belief and freedom from fear and want has been proclaimed as the highest "
             "aspiration of the common people,"},
      {"fr", "l’avènement d’un monde où les êtres humains seront libres de parler et de croire, "
             "libérés de la terreur et de la misère, a été proclamé comme la plus haute "
             "aspiration de l’homme,"},
      {"es", "el advenimiento de un mundo en que los seres humanos, liberados del temor y de la "
             "miseria, disfruten de la libertad de palabra y de la libertad de creencias;"},
      {"de", "dass einer Welt, in der die Menschen Rede‐ und Glaubensfreiheit und Freiheit von "
             "Furcht und Not genießen, das höchste Streben des Menschen gilt,"},
      {"ja", "言論及び信仰の自由が受けられ、恐怖及び欠乏のない世界の到来が、一般の人々の最高の願望"
             "として宣言されたので、"},
      {"zh", "而一个人人享有言论和信仰自由并免予恐惧和匮乏的世界的来临,已被宣布为普通人民的最高愿望,"},
      {"ru", "создание такого мира, в котором люди будут иметь свободу слова и убеждений и будут "
             "свободны от страха и нужды, провозглашено как высокое стремление людей;"},
      {"ar", "وكان غاية ما يرنو إليه عامة البشر انبثاق عالم يتمتع فيه الفرد بحرية القول والعقيدة "
             "ويتحرر من الفزع والفاقة."},
  };
  for (const auto& [lang, text] : preambles) {
    const Tagged t = Tag(text);
    EXPECT_TRUE(HasConcept(t, "pillar.freedom_from_fear")) << lang << ": " << Describe(t);
    EXPECT_TRUE(HasConcept(t, "pillar.freedom_from_want")) << lang << ": " << Describe(t);
  }
  // The same words apart are not the formula.
  const Tagged apart = Tag("libérés de la terreur, ils connaissent encore la misère.");
  EXPECT_FALSE(HasConcept(apart, "pillar.freedom_from_want")) << Describe(apart);
}

// Acronyms as machine-cased French and Spanish texts write them ("la Onu",
// "la Otan", "la Ue"): the same actors, in exactly that case.
TEST(CodebookMultilingualTest, TitleCaseAcronymsInFrenchAndSpanish) {
  const Tagged es = Tag("La Onu y la Otan enviaron misiones , y la Ue pagó la ayuda humanitaria" +
                        kEs);
  EXPECT_TRUE(HasMatch(es, "actor.un", "Onu")) << Describe(es);
  EXPECT_TRUE(HasMatch(es, "actor.nato", "Otan")) << Describe(es);
  EXPECT_TRUE(HasMatch(es, "actor.eu", "Ue")) << Describe(es);
  const Tagged fr = Tag("L'Onu et l'Otan ont envoyé des missions dans la région." + kFr);
  EXPECT_TRUE(HasMatch(fr, "actor.un", "Onu")) << Describe(fr);
  EXPECT_TRUE(HasMatch(fr, "actor.nato", "Otan")) << Describe(fr);
  // Not in other cases, nor in English text.
  const Tagged lower = Tag("la onu y la otan enviaron misiones" + kEs);
  EXPECT_FALSE(HasConcept(lower, "actor.un")) << Describe(lower);
  EXPECT_FALSE(HasConcept(lower, "actor.nato")) << Describe(lower);
  const Tagged en = Tag("The report says that Otan and Ue are the names of two of the people in "
                        "the story, and that it is the first time that they have been in a book "
                        "of this kind, as it was with the others before them.");
  EXPECT_FALSE(HasConcept(en, "actor.nato")) << Describe(en);
  EXPECT_FALSE(HasConcept(en, "actor.eu")) << Describe(en);
}

}  // namespace
}  // namespace hstag::testing
