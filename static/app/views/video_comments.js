// The video page's comments: newest first with "Load more", a composer, replies (one level,
// loaded on demand), Delete on your own (and on any, for the video's owner) and Report on
// someone else's.

import * as api from "../api.js";
import { append, h, say } from "../dom.js";
import { nameOf } from "../names.js";
import { openReportForm } from "../report_form.js";
import * as session from "../session.js";

const PAGE = 20;

/** A list filled a page at a time by `fetchPage(n)`; `more` shows while pages remain. */
function pagedList(list, more, fetchPage, render) {
  let next = 1;
  const load = async () => {
    more.disabled = true;
    const page = await fetchPage(next);
    // Comments posted or deleted meanwhile shift the pages: skip any already shown.
    const fresh = page.results.filter((c) => !list.querySelector(`:scope > [data-comment="${c.id}"]`));
    list.append(...fresh.map(render));
    next += 1;
    more.hidden = !page.next;
    more.disabled = false;
  };
  more.addEventListener("click", () => load().catch(() => (more.disabled = false)));
  return load;
}

/** A form `name`d for screen readers: a text box (`label`) and a button that calls `post(body)`. */
function composer({ name, label, button, parentId, post, status }) {
  const text = h("textarea", { name: "content", rows: 2, maxlength: 2000, required: true, "aria-label": label, placeholder: label });
  const submit = h("button", { type: "submit", class: "small" }, button);
  const form = h("form", { class: "video-composer", "aria-label": name }, text, h("div", { class: "row" }, submit));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await post({ content: text.value, parent_id: parentId || null });
      text.value = "";
    } catch (error) {
      say(status, error.describe?.() || String(error), "error");
    }
    submit.disabled = false;
  });
  return { form, text };
}

/**
 * The comments section for `video` (a VideoSchema dump); `status` is the page's status region.
 * Returns {element, load}.
 */
export function commentsSection(video, status) {
  const me = session.user();
  const ownsVideo = me?.id === video.uploaded_by?.id;
  const base = `/api/videos/${video.id}/comments/`;
  const list = h("ul", { class: "video-comments", "aria-label": "Comments" });
  const more = h("button", { type: "button", class: "secondary small", hidden: true }, "Load more comments");
  const empty = h("p", { class: "muted" }, "No comments yet.");

  const create = async (body) => api.post(base, body);

  function item(comment, replies) {
    const mine = me?.id === comment.user?.id;
    const name = nameOf(comment.user);
    const slot = h("div", { class: "report-slot" });
    const replySlot = h("div", { class: "reply-slot" });
    const actions = h("div", { class: "row video-comment-actions" });
    const node = h("li", { class: "video-comment", dataset: { comment: comment.id } },
      h("p", { class: "video-comment-head" }, h("a", { href: `/users/${comment.user?.id}` }, name), " ",
        h("time", { class: "muted", datetime: comment.created_at }, new Date(comment.created_at).toLocaleString()),
        comment.is_edited ? h("span", { class: "muted" }, " (edited)") : null),
      h("p", { class: "video-comment-text" }, comment.content),
      actions, slot, replySlot);
    if (replies) {
      actions.append(h("button", { type: "button", class: "secondary small", "aria-label": `Reply to ${name}`, onclick: () => openReply() }, "Reply"));
    }
    if (mine || ownsVideo) {
      const remove = async () => {
        try {
          await api.request("DELETE", `/api/videos/comments/${comment.id}/`);
          node.remove();
          say(status, "Comment deleted.", "ok");
          if (!list.children.length) empty.hidden = false;
        } catch (error) {
          say(status, error.describe?.() || String(error), "error");
        }
      };
      actions.append(h("button", { type: "button", class: "danger small", "aria-label": mine ? "Delete your comment" : `Delete ${name}'s comment`, onclick: remove }, "Delete"));
    }
    if (!mine) {
      const report = (event) => openReportForm(slot, { contentType: "video_comment", contentId: comment.id, what: `${name}'s comment` }, event.currentTarget);
      actions.append(h("button", { type: "button", class: "secondary small", "aria-label": `Report ${name}'s comment`, onclick: report }, "Report"));
    }
    if (!replies) return node;

    const thread = h("ul", { class: "video-replies", "aria-label": `Replies to ${name}` });
    const moreReplies = h("button", { type: "button", class: "secondary small", hidden: true }, "More replies");
    const loadReplies = pagedList(thread, moreReplies, (n) => api.get(`/api/videos/comments/${comment.id}/replies/?page=${n}&page_size=${PAGE}`), (c) => item(c, false));
    let opened = false;
    const show = h("button", { type: "button", class: "link small" }, `Show ${comment.replies_count} ${comment.replies_count === 1 ? "reply" : "replies"}`);
    const openThread = async () => {
      show.remove();
      if (opened) return;
      opened = true;
      await loadReplies().catch((error) => say(status, error.describe?.() || String(error), "error"));
    };
    show.addEventListener("click", openThread);
    append(node, [comment.replies_count ? show : null, thread, moreReplies]);

    function openReply() {
      const { form, text } = composer({
        name: `Reply to ${name}`,
        label: `Your reply to ${name}`,
        button: "Reply",
        parentId: comment.id,
        status,
        post: async (body) => {
          const made = await create(body);
          await openThread();
          if (!thread.querySelector(`[data-comment="${made.id}"]`)) thread.append(item(made, false));
          replySlot.replaceChildren();
        },
      });
      replySlot.replaceChildren(form);
      text.focus();
    }
    return node;
  }

  const load = pagedList(list, more, (n) => api.get(`${base}?page=${n}&page_size=${PAGE}`), (c) => item(c, true));
  const top = composer({
    name: "New comment",
    label: "Write a comment",
    button: "Comment",
    status,
    post: async (body) => {
      const made = await create(body);
      list.prepend(item(made, true));
      empty.hidden = true;
    },
  });
  const element = h("section", { class: "panel video-comments-panel", "aria-labelledby": "video-comments-title" },
    h("h2", { id: "video-comments-title" }, "Comments"),
    top.form,
    list, empty, more);
  return {
    element,
    load: async () => {
      await load();
      empty.hidden = list.children.length > 0;
    },
  };
}
