// The environment of the `go` processes whose output gomodctl parses. git translates its errors (gettext) and go
// passes git's stderr on, so under a Chinese locale our rules would read 「致命错误：…」: messages stay in the C locale.
// The user still reads go's and git's words as they are, only in English; the text is decoded as UTF-8 (execa's
// default), which is what go and Git for Windows write to a pipe or a file on every OS, code page 936 or not.

/**
 * The environment with LC_ALL=C: gettext then ignores LANGUAGE too (dcigettext.c guess_category_value), whereas
 * C.UTF-8 would not. Everything else is passed unchanged.
 */
export function cMessagesEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, LC_ALL: 'C' };
}
