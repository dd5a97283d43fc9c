import type { Intent, Language } from "../../domain/answer.js";
import type { PreparedQuery } from "../../search/queryExpansion.js";
import type { IntentWordKind } from "../../vocabulary/vocabulary.js";
import type { CompetencyMatch, LevelMention } from "./entities.js";

/** What kind of conversational turn this is, when it is one. */
export type Conversational = "more" | "why" | "help" | "greeting" | "reset";

/**
 * Everything the answerer needs to know about a question: one typed plan, the
 * same for the offline answer, the LLM mode and the evals. Built by
 * understand(), completed against the conversation by resolveFollowUp().
 */
export type QueryPlan = {
  question: string;
  /** The text to search with: the question plus what a follow-up leaves implicit. */
  searchText: string;
  language: Language;
  intent: Intent;
  /** The question's own words chose the intent (not a default). */
  intentExplicit: boolean;
  /** Intent words the question uses, from the vocabulary. */
  signals: Partial<Record<IntentWordKind, boolean>>;
  /** The competency asked about (display name), with a close second. */
  competency?: string;
  competencyMatch?: CompetencyMatch;
  levels: LevelMention[];
  /** Registry id of the one system the question names. */
  system?: string;
  /** Every system it names ("bij het Rijk en bij de provincie"). */
  systems: string[];
  /** Documents whose title the question names, best first. */
  roles: string[];
  /** A role the question names that the documents do not describe (only a namesake partly matches). */
  unknownRole?: string;
  /** "Iemand die storingen oplost …": the work is described instead of a role named. */
  workDescription: boolean;
  /** Label/value fields asked about (department, evaluators, …). */
  fields: string[];
  /** A topic the documents do not cover (salary amounts, leave, …). */
  outOfScope?: { id: string; nl: string; en: string };
  /** The retrieval query: own words, weighted synonyms, section kinds, competencies. */
  prepared: PreparedQuery;
  /** Sources the previous turn answered from; a follow-up prefers them. */
  previousSources: string[];
  followUp: boolean;
  conversational?: Conversational;
};

/** Kept for modules that speak of "understanding" a question. */
export type Understanding = QueryPlan;
