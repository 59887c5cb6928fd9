// Azure AD (Entra ID) logs as exported from Log Analytics / Microsoft Sentinel: AuditLogs and SigninLogs
// rows, one JSON object per line, with nested parts (InitiatedBy, TargetResources) as JSON text.
// Reference: https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/auditlogs and
// https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/signinlogs
// Example (OTRF GoldenSAMLADFSMailAccess/AADAuditEvents.Zip, abridged): {"SourceSystem":"Azure AD",
//   "TimeGenerated":"2021-08-02T13:29:25.983Z","OperationName":"Update application – Certificates and secrets
//   management ","Category":"ApplicationManagement","InitiatedBy":"{\"user\":{\"userPrincipalName\":
//   \"pgustavo@simulandlabs.com\",\"ipAddress\":null}}","Result":"success","Type":"AuditLogs",...}
// Roles: the actor of an audit row (InitiatedBy) is the initiator; the account signing in is the target of a
// sign-in row (as for sshd logons). JSON-text columns are parsed and flattened beside their original text.
import { ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { firstText, flattenInto, isObject, type JsonObject, jsonShare, own, parseJsonRecord, setTime, text } from '../extract/json.ts';

function isAzureAd(o: JsonObject): boolean {
  if (own(o, 'SourceSystem') === 'Azure AD') return true;
  const type = own(o, 'Type');
  return (type === 'AuditLogs' || type === 'SigninLogs' || type === 'AADNonInteractiveUserSignInLogs')
    && own(o, 'OperationName') !== undefined;
}

/** Columns holding JSON text ("{...}" or "[...]") -> parsed values, by column name. */
function nested(o: JsonObject): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const k of Object.keys(o)) {
    const v = o[k];
    if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) continue;
    try {
      out.set(k, JSON.parse(v) as unknown);
    } catch {
      // not JSON after all: the column stays text
    }
  }
  return out;
}

export const azureAd: TextParser = {
  kind: 'text',
  id: 'azure-ad',
  title: 'Azure AD / Entra ID audit and sign-in logs (Log Analytics JSON)',
  version: '1',
  url: 'https://learn.microsoft.com/en-us/azure/azure-monitor/reference/tables/auditlogs',
  framing: 'json',
  patterns: ['audit', 'signin'],

  sniff(head) {
    return jsonShare(head, isAzureAd) * 0.95;
  },

  parse: parseJsonRecord(isAzureAd, 'not an Azure AD log row (SourceSystem "Azure AD" or Type AuditLogs/SigninLogs)', (o, ctx) => {
    const inner = nested(o);
    const view: JsonObject = Object.create(null) as JsonObject;
    for (const k of Object.keys(o)) view[k] = inner.get(k) ?? o[k];
    const ev: EventFields = { vendor: 'Microsoft', type: 'AUTH' };
    setTime(ev, o, ['TimeGenerated', 'ActivityDateTime', 'CreatedDateTime'], ctx.time);
    const op = text(own(o, 'OperationName')) ?? text(own(o, 'ActivityDisplayName'));
    if (op !== undefined) { ev.action = op.trim(); ev['alarm.name'] = op.trim(); }
    ev['app.name'] = firstText(o, ['LoggedByService', 'AppDisplayName', 'ResourceDisplayName']) ?? 'Azure AD';
    const signin = own(o, 'Type') !== 'AuditLogs' && own(o, 'UserPrincipalName') !== undefined && own(o, 'InitiatedBy') === undefined;
    ctx.hit?.(signin ? 'signin' : 'audit');
    if (signin) {
      const upn = text(own(o, 'UserPrincipalName'));
      if (upn !== undefined) ev['target.usr.name'] = upn;
      const ip = text(own(o, 'IPAddress'));
      if (ip !== undefined) ev['init.host.ip'] = ip;
      const rt = text(own(o, 'ResultType'));
      if (rt !== undefined) ev.outcome = rt === '0' ? 'success' : 'failure';
    } else {
      const actor = firstText(view, ['InitiatedBy.user.userPrincipalName', 'InitiatedBy.app.displayName', 'InitiatingUserOrApp', 'InitiatingUser']);
      if (actor !== undefined) ev['init.usr.name'] = actor;
      const ip = firstText(view, ['InitiatedBy.user.ipAddress', 'InitiatedBy.app.ipAddress']);
      if (ip !== undefined) ev['init.host.ip'] = ip;
      const targets = view.TargetResources;
      const first: unknown = Array.isArray(targets) ? targets[0] : undefined;
      const targetUser = isObject(first) ? text(own(first, 'userPrincipalName')) : undefined;
      if (targetUser !== undefined) ev['target.usr.name'] = targetUser;
      const result = text(own(o, 'Result'))?.toLowerCase();
      if (result !== undefined) ev.outcome = result === 'success' ? 'success' : result === 'failure' ? 'failure' : 'unknown';
    }
    const ua = text(own(o, 'UserAgent'));
    if (ua !== undefined) ev['web.header.user_agent'] = ua;
    const on = firstText(o, ['targetDisplayName', 'ModifiedApplication', 'PermissionsAddedTo']);
    const who = ev['init.usr.name'] ?? ev['target.usr.name'];
    ev.message = [op?.trim(), who !== undefined ? `by ${who}` : '', on !== undefined ? `on ${on}` : ''].filter((x) => x).join(' ');
    flattenInto(ev, 'data.', o);
    for (const [k, v] of inner) if (isObject(v)) flattenInto(ev, `data.${k}.`, v);
    return ok(ev);
  }),

  samples: [
    {
      // OTRF GoldenSAMLADFSMailAccess/AADAuditEvents.Zip, first line
      input: '{"TenantId":"00000000-0000-0000-0000-000000000000","SourceSystem":"Azure AD","TimeGenerated":"2021-08-02T13:29:25.983Z","ResourceId":"/tenants/00000000-0000-0000-0000-000000000000/providers/Microsoft.aadiam","OperationName":"Update application – Certificates and secrets management ","OperationVersion":"1.0","Category":"ApplicationManagement","ResultSignature":"None","CorrelationId":"10065ffb-8199-48bc-8ff5-912cb5b8295a","Resource":"Microsoft.aadiam","ResourceGroup":"Microsoft.aadiam","Level":"4","AdditionalDetails":"[{\\"key\\":\\"User-Agent\\",\\"value\\":\\"Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.1971\\"}]","Id":"Directory_10065ffb-8199-48bc-8ff5-912cb5b8295a_AUMVX_13992832","InitiatedBy":"{\\"user\\":{\\"id\\":\\"aead923d-498b-4f64-a66c-2af91447a8b6\\",\\"displayName\\":null,\\"userPrincipalName\\":\\"pgustavo@simulandlabs.com\\",\\"ipAddress\\":null,\\"roles\\":[]}}","LoggedByService":"Core Directory","Result":"success","TargetResources":"[{\\"id\\":\\"11b49e19-2326-4be6-93cb-7f37439bbd81\\",\\"displayName\\":\\"SimuLandApp\\",\\"type\\":\\"Application\\",\\"modifiedProperties\\":[{\\"displayName\\":\\"KeyDescription\\",\\"oldValue\\":\\"[]\\",\\"newValue\\":\\"[\\\\\\"[KeyIdentifier=59eaeebc-8a6b-44a6-9f24-7d55e64420c9,KeyType=Password,KeyUsage=Verify,DisplayName=SimuLandCreds]\\\\\\"]\\"},{\\"displayName\\":\\"Included Updated Properties\\",\\"oldValue\\":null,\\"newValue\\":\\"\\\\\\"KeyDescription\\\\\\"\\"}],\\"administrativeUnits\\":[]}]","AADTenantId":"00000000-0000-0000-0000-000000000000","ActivityDisplayName":"Update application – Certificates and secrets management ","ActivityDateTime":"2021-08-02T13:29:25.983Z","AADOperationType":"Update","Type":"AuditLogs","UserAgent":"Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.1971","target":"{\\"id\\":\\"11b49e19-2326-4be6-93cb-7f37439bbd81\\",\\"displayName\\":\\"SimuLandApp\\",\\"type\\":\\"Application\\",\\"modifiedProperties\\":[{\\"displayName\\":\\"KeyDescription\\",\\"oldValue\\":\\"[]\\",\\"newValue\\":\\"[\\\\\\"[KeyIdentifier=59eaeebc-8a6b-44a6-9f24-7d55e64420c9,KeyType=Password,KeyUsage=Verify,DisplayName=SimuLandCreds]\\\\\\"]\\"},{\\"displayName\\":\\"Included Updated Properties\\",\\"oldValue\\":null,\\"newValue\\":\\"\\\\\\"KeyDescription\\\\\\"\\"}],\\"administrativeUnits\\":[]}","targetDisplayName":"SimuLandApp","targetId":"11b49e19-2326-4be6-93cb-7f37439bbd81","targetType":"Application","keyEvents":"{\\"displayName\\":\\"KeyDescription\\",\\"oldValue\\":\\"[]\\",\\"newValue\\":\\"[\\\\\\"[KeyIdentifier=59eaeebc-8a6b-44a6-9f24-7d55e64420c9,KeyType=Password,KeyUsage=Verify,DisplayName=SimuLandCreds]\\\\\\"]\\"}","InitiatingUserOrApp":"pgustavo@simulandlabs.com"}',
      expect: {
        ts: Date.UTC(2021, 7, 2, 13, 29, 25, 983), action: 'Update application – Certificates and secrets management',
        'init.usr.name': 'pgustavo@simulandlabs.com', outcome: 'success', 'app.name': 'Core Directory',
        'data.Category': 'ApplicationManagement', 'data.InitiatedBy.user.id': 'aead923d-498b-4f64-a66c-2af91447a8b6',
      },
    },
    {
      // SigninLogs row (Microsoft Learn table reference fields), failed sign-in
      input: '{"TenantId":"00000000-0000-0000-0000-000000000000","SourceSystem":"Azure AD","TimeGenerated":"2021-08-02T13:20:11.000Z","OperationName":"Sign-in activity","Category":"SignInLogs","ResultType":"50126","ResultDescription":"Invalid username or password or Invalid on-premise username or password.","UserPrincipalName":"pgustavo@simulandlabs.com","IPAddress":"203.0.113.50","AppDisplayName":"Azure Portal","Type":"SigninLogs"}',
      expect: { action: 'Sign-in activity', 'target.usr.name': 'pgustavo@simulandlabs.com', 'init.host.ip': '203.0.113.50', outcome: 'failure', 'app.name': 'Azure Portal' },
    },
  ],
};
