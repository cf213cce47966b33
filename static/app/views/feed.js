// Views: a creator's page (/creators/:id: profile, follow button with the follower count, the
// creator's posts, a composer on one's own page) and the feed (/feed). A gated post the
// viewer may not see shows locked: its title and tiers with a "Subscribe" hint, no body.

import * as api from "../api.js";
import { h, replace, say } from "../dom.js";
import { nameOf } from "../names.js";
import { openReportForm } from "../report_form.js";
import * as session from "../session.js";
import { statusRegion } from "./forms.js";

const enc = encodeURIComponent;

function comments(post, status) {
  const list = h("ul", { class: "feed-comments", "aria-label": "Comments" });
  const input = h("input", { type: "text", maxlength: "1000", required: true, "aria-label": "Write a comment", placeholder: "Write a comment" });
  const load = async () => {
    const page = await api.get(`/api/feed/posts/${post.id}/comments/`);
    replace(list, page.results.map((c) => h("li", {}, h("strong", {}, nameOf(c.user)), " ", c.text)));
  };
  const form = h("form", { class: "row" }, input, h("button", { type: "submit", class: "small" }, "Comment"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api.post(`/api/feed/posts/${post.id}/comments/`, { text: input.value });
      input.value = "";
      await load();
    } catch (error) {
      say(status, error.describe?.() || String(error), "error");
    }
  });
  load().catch(() => {});
  return h("div", {}, list, form);
}

function likeButton(post, status) {
  const button = h("button", { type: "button", class: "secondary small", "aria-pressed": String(post.liked) });
  const show = (liked, count) => {
    button.setAttribute("aria-pressed", String(liked));
    button.textContent = `${liked ? "Liked" : "Like"} (${count})`;
  };
  show(post.liked, post.like_count);
  button.addEventListener("click", async () => {
    const liked = button.getAttribute("aria-pressed") === "true";
    try {
      const answer = await api.request(liked ? "DELETE" : "POST", `/api/feed/posts/${post.id}/like/`);
      show(answer.liked, answer.like_count);
    } catch (error) {
      say(status, error.describe?.() || String(error), "error");
    }
  });
  return button;
}

/** A <video> for a post's HLS URL: hls.js where the browser has no native HLS. */
function videoPlayer(info) {
  const video = h("video", { controls: true, class: "feed-video", poster: info.thumbnail_url || undefined, "aria-label": info.title });
  if (window.Hls?.isSupported() && !video.canPlayType("application/vnd.apple.mpegurl")) {
    const hls = new window.Hls();
    hls.loadSource(info.streaming_url);
    hls.attachMedia(video);
  } else {
    video.src = info.streaming_url;
  }
  return video;
}

/** One post as a card: locked (title, tiers, Subscribe hint) or open (text, media, like, comments). */
export function postCard(post, status) {
  const head = h("header", {}, h("h3", {}, post.title), h("a", { href: `/creators/${post.creator_id}` }, nameOf(post.creator)));
  if (post.locked) {
    const tiers = post.tiers.map((t) => t.name).join(", ");
    return h("article", { class: "feed-post locked", dataset: { post: post.id } }, head,
      h("p", { class: "feed-lock" }, `🔒 For subscribers of ${tiers}. `, h("a", { href: `/creators/${post.creator_id}#tiers` }, "Subscribe")));
  }
  const media = [];
  if (post.image_url) media.push(h("img", { src: post.image_url, alt: post.title, class: "feed-image" }));
  if (post.video) media.push(videoPlayer(post.video));
  return h("article", { class: "feed-post", dataset: { post: post.id } }, head, h("p", { class: "feed-text" }, post.text), media,
    h("div", { class: "row" }, likeButton(post, status), reportAction(post)), comments(post, status));
}

/** "Report" on someone else's post: the inline form opens under the post's actions. */
function reportAction(post) {
  if (!session.user() || post.creator?.id === session.user().id) return null;
  const slot = h("div", { class: "report-slot" });
  const open = (event) => openReportForm(slot, { contentType: "creator_post", contentId: post.id, what: `“${post.title}”` }, event.currentTarget);
  return h("span", {}, h("button", { type: "button", class: "secondary small", "aria-label": `Report “${post.title}”`, onclick: open }, "Report"), slot);
}

function composer(tiers, status, refresh) {
  const title = h("input", { name: "title", required: true, maxlength: "200", "aria-label": "Title", placeholder: "Title" });
  const text = h("textarea", { name: "text", maxlength: "5000", "aria-label": "Text", placeholder: "What's new?" });
  const visibility = h("select", { name: "visibility", "aria-label": "Who sees it" }, h("option", { value: "public" }, "Everyone"), h("option", { value: "tiers" }, "Subscribers of chosen tiers"));
  const boxes = tiers.map((t) => h("label", {}, h("input", { type: "checkbox", value: t.id }), ` ${t.name}`));
  const image = h("input", { type: "file", accept: "image/*", "aria-label": "Image (optional)" });
  const video = h("input", { name: "video_id", "aria-label": "Video id (optional, one of yours)", placeholder: "Video id (optional)" });
  const form = h("form", { class: "feed-composer", "aria-label": "New post" }, title, text, visibility, h("fieldset", {}, h("legend", {}, "Tiers"), boxes), image, video, h("button", { type: "submit" }, "Post"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const tierIds = boxes.map((b) => b.querySelector("input")).filter((i) => i.checked).map((i) => i.value);
    const body = { title: title.value, text: text.value, visibility: visibility.value, tier_ids: tierIds, video_id: video.value.trim() || null };
    try {
      const made = await api.post("/api/feed/posts/", body);
      if (image.files[0]) {
        const data = new FormData();
        data.append("image", image.files[0]);
        await api.upload(`/api/feed/posts/${made.id}/image/`, data).promise;
      }
      form.reset();
      say(status, "Posted.", "ok");
      await refresh();
    } catch (error) {
      say(status, error.describe?.() || String(error), "error");
    }
  });
  return form;
}

/** Route view: /creators/:id */
export async function creatorPage(outlet, { id }) {
  const status = statusRegion();
  const profile = await api.get(`/api/creators/${enc(id)}/`);
  const follow = await api.get(`/api/creators/${enc(id)}/follow/`);
  const posts = h("section", { class: "feed-list", "aria-label": "Posts" });
  const refresh = async () => {
    const page = await api.get(`/api/creators/${enc(id)}/posts/`);
    replace(posts, page.results.length ? page.results.map((p) => postCard(p, status)) : h("p", {}, "No posts yet."));
  };
  const followButton = h("button", { type: "button", class: "feed-follow" });
  const showFollow = (s) => {
    followButton.textContent = `${s.following ? "Following" : "Follow"} · ${s.followers_count} follower${s.followers_count === 1 ? "" : "s"}`;
    followButton.setAttribute("aria-pressed", String(s.following));
  };
  showFollow(follow);
  followButton.addEventListener("click", async () => {
    const following = followButton.getAttribute("aria-pressed") === "true";
    try {
      showFollow(await api.request(following ? "DELETE" : "POST", `/api/creators/${enc(id)}/follow/`));
    } catch (error) {
      say(status, error.describe?.() || String(error), "error");
    }
  });
  const mine = session.user()?.id === profile.user_id;
  const tiers = h("ul", { id: "tiers", "aria-label": "Tiers" }, (profile.tiers || []).map((t) => h("li", {}, `${t.name} — ${t.price} ${t.currency.toUpperCase()}`)));
  replace(outlet, h("section", { class: "feed-page" }, h("h2", {}, nameOf(profile.user)), h("p", {}, profile.bio), mine ? null : followButton, tiers, status,
    mine ? composer(profile.tiers || [], status, refresh) : null, posts));
  await refresh();
}

/** Route view: /feed */
export async function feedPage(outlet) {
  const status = statusRegion();
  const list = h("section", { class: "feed-list", "aria-label": "Your feed" });
  replace(outlet, h("section", { class: "feed-page" }, h("h2", {}, "Feed"), status, list));
  const page = await api.get("/api/feed/");
  replace(list, page.results.length ? page.results.map((p) => postCard(p, status)) : h("p", {}, "Follow creators to see their posts here."));
}
