/**
 * The words the platforms print after a count ("followers", "Follower", "abonnés", "seguidores",
 * "подписчиков", "フォロワー", "人"), in the 22 languages the count parser reads, as lower-case NFKC
 * stems: a word after a count is one of them when it starts with a stem ("follow" covers
 * "followers" and "following"). A reader that parses labelled texts passes them to `parseCount`
 * as `nouns`; any other word after a number may be a unit Scout does not know ("6 Tsd." on a page
 * that says it is English), so that number is no count. Kept out of the parser, and split by what
 * they label, so that a content script carries only the labels it reads. No stem starts a unit
 * word any locale prints (tests/parsing/count.test.ts).
 */

/** Stems from lines of `|`-separated words, normalised as the parser normalises page text. */
const stems = (lines: readonly string[]): readonly string[] =>
  lines.join('|').normalize('NFKC').split('|');

/**
 * The labels of a profile's followers, following and posts (a profile header and meta
 * description: "22 Followers, 9 Following, 1 Posts", "1,2 Mio. Follower, 305 Gefolgt, 1.234
 * Beiträge"), with the counters CJK pages glue to the number ("フォロワー4.6万人", "게시물 12개").
 */
export const PROFILE_NOUNS: readonly string[] = /* @__PURE__ */ stems([
  // en, de, fr, es, pt, it, nl, pl, cs, sv
  'follow|post|gefolgt|beitr|abonn|publica|segu|volg|bericht|obserw|příspěv|sled|följ|inlägg',
  // ru, uk, tr, id, vi
  'подпис|підпис|публ|допис|стеж|takip|gönderi|pengikut|mengikut|kiriman|người|đang|theo|bài',
  // ja, ko, zh, ar, hi
  'フォロ|投稿|人|件|팔로|게시물|명|개|粉丝|粉絲|关注|關注|追蹤|帖子|貼文|篇|則|位|متابع|يتابع|منشور|फॉलो|फ़ॉलो|पोस्ट',
]);

/**
 * Every label the platforms print after a count: the profile's, and connections, members,
 * reactions and likes, views and plays, comments, shares and reposts, employees ("500+
 * connections", "6.2M Fans", "5 Mitglieder", "1,2 mil seguidores").
 */
export const COUNT_NOUNS: readonly string[] = /* @__PURE__ */ stems([
  ...PROFILE_NOUNS,
  'fan|subscri|video|reel|like|view|play|comment|share|repost|connection|member|reaction|employee|people|person',
  'abonnent|kontakt|mitglied|reaktion|kommentar|gefällt|aufruf|wiedergabe|mal |beschäftigte|mitarbeit',
  "relation|membre|réaction|commentaire|j'aime|j’aime|vue|vidéo|partage|employé",
  'contacto|conex|miembro|membro|reacci|reaç|comentário|comentario|me gusta|curtida|visualiza|visualizz|reproduc|reproduç|vídeo|vez|veces|compartid|compartilhament|empleado|funcionário',
  'collegament|membri|reazion|mi piace|condivision|dipendent|connectie|leden|lid|reactie|opmerking|vind-ik-leuk|weergave|keer|medewerker',
  'członk|reakc|komentarz|polubie|wyświetle|film|udostępnie|pracownik|osób|osoby|komentář|to se mi líbí|líbí|zhlédnutí|sdílení|zaměstnan|lidí|osob|medlem|gilla|visning|delning|anställd',
  'контакт|участник|реакци|комментари|отмет|нрав|просмотр|видео|репост|сотрудник|человек|учасник|реакці|коментар|вподобан|перегляд|відео|поширен|працівник|людей|осіб',
  'bağlantı|üye|tepki|yorum|beğeni|görüntülen|paylaşım|çalışan|kişi|koneksi|anggota|reaksi|komentar|suka|tayangan|ditonton|dibagikan|karyawan|orang|kết nối|thành viên|cảm xúc|bình luận|lượt|nhân viên',
  'いいね|コメント|回|再生|視聴|本|名|つながり|メンバー|リアクション|シェア|従業員|좋아요|댓글|회|조회|일촌|회원|반응|공유|동영상|직원',
  '个|個|条|條|次|获赞|赞|讚|评论|留言|播放|观看|觀看|视频|影片|成员|成員|联系人|聯絡人|分享|转发|轉發|员工|員工',
  'تعليق|إعجاب|مشاهد|عضو|أعضاء|اتصال|جهة|تفاعل|مشارك|موظف|فيديو|شخص|कनेक्शन|सदस्य|प्रतिक्रिया|टिप्पणि|टिप्पणी|लाइक|पसंद|व्यू|बार|वीडियो|शेयर|कर्मचारी|लोग',
]);
