import type { KnowledgeBase } from "../../search/knowledgeBase.js";
import { messagesIn } from "../../vocabulary/messages.js";
import type { InterviewKitRequest, InterviewKitResult } from "../../domain/assistant.js";
import { kitContent } from "./kitContent.js";
import { kitDocument, kitFileName } from "./kitDocument.js";

/** An interview kit for a role, as a Word file; a role the documents lack, or one without competencies, is said so. */
export async function makeInterviewKit(kb: KnowledgeBase, request: InterviewKitRequest): Promise<InterviewKitResult> {
  const language = request.language ?? "nl";
  const t = messagesIn(language);
  const content = kitContent(kb, request.role, request.competencies);
  if ("problem" in content)
    return {
      ok: false,
      problem: content.problem,
      message: t(content.problem === "unknown-role" ? "kit.unknownRole" : "kit.noCompetencies", { role: content.role }),
    };
  return {
    ok: true,
    role: content.role,
    fileName: kitFileName(content.role, language),
    docx: await kitDocument(content, language),
    competencies: content.competencies.length,
    questions: content.competencies.reduce((n, c) => n + c.questions.length, 0),
  };
}
