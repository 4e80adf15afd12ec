// Messages of gomodctl restore (the backup list, the restore plan's heading, the backups file's errors), in English
// and Chinese: keys "restore.*". The plan itself is worded by the init area (init and restore share the writer); the
// --help is in cli.ts. How to declare, use and render them: docs/i18n.md.
import { defineMessages, type Translation } from '../message.js';

const en = {
  wouldRestore: 'Would restore backup {id}',
  willRestore: 'Will restore backup {id}',
  restored: 'Restored backup {id}',
  otherGoenv: 'backup {id} was taken for GOENV file {taken}; restoring into {goenv}',
  'list.none': 'No backups yet ({path}).',
  'list.heading': 'Backups in {path} (newest first); restore brings back the values shown:',
  'list.entry': '{id}  {createdAt}  before {command}: {values}',
  'list.unset': '(unset)',
  noBackup: 'there is no backup to restore',
  noBackupHint: 'Backups are taken by "gomodctl init" before it writes.',
  unknownId: '--id "{id}" names no backup; see {list} (e.g. --id {newest}).',
  'file.noConfigDir': 'cannot find a user config directory for the backups file',
  'file.noConfigDirHint': 'Set HOME (or XDG_CONFIG_HOME), or GOMODCTL_BACKUPS=/path/to/backups.json.',
  'file.unreadable': 'cannot read the backups file {path}: {error}',
  'file.notJson': 'the backups file {path} is not valid JSON',
  'file.unknownFormat': 'the backups file {path} has an unknown format',
  'file.moveAway': 'Move it away to start a new one.',
  'file.locked': 'the backups file is locked by another gomodctl ({lock})',
  'file.lockedHint': 'Wait for it to finish, or delete the lock file if no gomodctl is running.',
} as const;

const zh = {
  wouldRestore: '会恢复备份 {id}',
  willRestore: '将要恢复备份 {id}',
  restored: '已恢复备份 {id}',
  otherGoenv: '备份 {id} 是为 GOENV 配置文件 {taken} 创建的；现在恢复到 {goenv}',
  'list.none': '还没有备份（{path}）。',
  'list.heading': '{path} 中的备份（最新的在前）；restore 会恢复下面列出的值：',
  'list.entry': '{id}  {createdAt}  {command} 之前：{values}',
  'list.unset': '（未设置）',
  noBackup: '没有可以恢复的备份',
  noBackupHint: '备份由 "gomodctl init" 在写入之前创建。',
  unknownId: '--id "{id}" 不对应任何备份；请查看 {list}（例如 --id {newest}）。',
  'file.noConfigDir': '找不到用来存放备份文件的用户配置目录',
  'file.noConfigDirHint': '请设置 HOME（或 XDG_CONFIG_HOME），或者 GOMODCTL_BACKUPS=/path/to/backups.json。',
  'file.unreadable': '无法读取备份文件 {path}：{error}',
  'file.notJson': '备份文件 {path} 不是有效的 JSON',
  'file.unknownFormat': '备份文件 {path} 的格式无法识别',
  'file.moveAway': '把它移到别处，就会新建一个备份文件。',
  'file.locked': '备份文件被另一个 gomodctl 锁定（{lock}）',
  'file.lockedHint': '请等它结束；如果没有 gomodctl 在运行，可以删除这个锁文件。',
} as const satisfies Translation<typeof en>;

/** Builds a message of `gomodctl restore`: `restoreMsg('restored', { id })`. */
export const restoreMsg = defineMessages('restore', en, zh);
