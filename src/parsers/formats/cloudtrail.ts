// AWS CloudTrail events: the {"Records":[...]} log files CloudTrail writes to S3 (the json framer splits the
// array) and one event per line as pipelines re-ship them (the OTRF datasets add @timestamp and @version).
// Reference: https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
// Example: {"eventVersion":"1.05","userIdentity":{"type":"IAMUser","userName":"pedro",...},"eventTime":
//   "2020-09-14T00:44:23Z","eventSource":"ec2.amazonaws.com","eventName":"DescribeInstanceTypes",
//   "awsRegion":"us-east-1","sourceIPAddress":"1.2.3.4","userAgent":"console.ec2.amazonaws.com",...}
// Roles: the caller (userIdentity, sourceIPAddress) is the initiator; eventSource is the application acted on.
// sourceIPAddress holds a service name ("ec2.amazonaws.com") when AWS called on the user's behalf: that is a
// host name, not an IP. An errorCode means the call failed.
import { ok } from '../../core/result.ts';
import type { EventFields } from '../../core/schema.ts';
import type { TextParser } from '../types.ts';
import { firstText, flattenInto, getPath, type JsonObject, jsonShare, own, parseJsonRecord, setTime, text } from '../extract/json.ts';

const IP = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]+)$/;

/** service prefix of eventSource -> event type */
const SERVICE_TYPES: readonly [RegExp, string][] = [
  [/^(?:iam|sts|signin|sso|sso-directory|identitystore|cognito-idp|cognito-identity)\./, 'AUTH'],
  [/^(?:kms|acm|acm-pca|secretsmanager)\./, 'PKI'],
  [/^route53/, 'DNS'],
  [/^(?:elasticloadbalancing|cloudfront)\./, 'LB'],
  [/^waf/, 'WAF'],
  [/^(?:guardduty|securityhub|inspector)\./, 'IDS'],
  [/^(?:s3|rds|dynamodb|redshift|glue|athena)\./, 'BDD'],
  [/^(?:ec2|ecs|eks|lambda|cloudformation|autoscaling|ssm|elasticbeanstalk|batch)\./, 'ORCH'],
];

function isCloudTrail(o: JsonObject): boolean {
  const src = own(o, 'eventSource');
  return typeof src === 'string' && src.endsWith('.amazonaws.com') && typeof own(o, 'eventName') === 'string'
    && (own(o, 'eventTime') !== undefined || own(o, 'userIdentity') !== undefined);
}

export const cloudtrail: TextParser = {
  kind: 'text',
  id: 'cloudtrail',
  title: 'AWS CloudTrail (log files and one event per line)',
  version: '1',
  url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html',
  framing: 'json',
  patterns: ['call', 'error', 'console-login'],

  sniff(head) {
    return jsonShare(head, isCloudTrail) * 0.96;
  },

  parse: parseJsonRecord(isCloudTrail, 'not a CloudTrail event (no eventSource *.amazonaws.com with eventName)', (o, ctx) => {
    const source = String(own(o, 'eventSource'));
    const name = String(own(o, 'eventName'));
    const ev: EventFields = {
      vendor: 'AWS', 'app.name': source, action: name, 'alarm.name': name,
      type: SERVICE_TYPES.find(([re]) => re.test(source))?.[1] ?? 'SYS',
    };
    setTime(ev, o, ['eventTime', '@timestamp'], ctx.time);
    const ip = text(own(o, 'sourceIPAddress'));
    if (ip !== undefined) ev[IP.test(ip) ? 'init.host.ip' : 'init.host.name'] = ip;
    const arn = text(getPath(o, 'userIdentity.arn'));
    const user = firstText(o, ['userIdentity.userName', 'userIdentity.sessionContext.sessionIssuer.userName', 'userIdentity.invokedBy', 'userIdentity.principalId'])
      ?? (arn === undefined ? undefined : arn.slice(arn.lastIndexOf('/') + 1));
    if (user !== undefined) ev['init.usr.name'] = user;
    const account = text(getPath(o, 'userIdentity.accountId'));
    if (account !== undefined) ev['init.usr.domain'] = account;
    const agent = text(own(o, 'userAgent'));
    if (agent !== undefined) ev['web.header.user_agent'] = agent;
    const region = text(own(o, 'awsRegion'));
    if (region !== undefined) ev['obs.host.name'] = region;
    const errorCode = text(own(o, 'errorCode'));
    const login = text(getPath(o, 'responseElements.ConsoleLogin'));
    if (login !== undefined) {
      ctx.hit?.('console-login');
      ev.type = 'AUTH';
      ev.outcome = login === 'Success' ? 'success' : 'failure';
    } else if (errorCode !== undefined) {
      ctx.hit?.('error');
      ev.outcome = 'failure';
    } else {
      ctx.hit?.('call');
      ev.outcome = 'success';
    }
    const msg = [name, source, user ? `by ${user}` : '', ip ? `from ${ip}` : '', errorCode ?? '', text(own(o, 'errorMessage')) ?? ''];
    ev.message = msg.filter((x) => x !== '').join(' ');
    flattenInto(ev, 'data.', o);
    return ok(ev);
  }),

  samples: [
    {
      // OTRF ec2_proxy_s3_exfiltration.zip, first line
      input: '{"requestParameters":{"DescribeInstanceTypesRequest":{"NextToken":"AAIAAUCZLcGdOTmfTz2Vwy7qCVgVq6KNMDDo2s_UFVQdUl8JzmoaM3geYg-eTVO56npOwVkgRcbnccOAIh5xaIntUaFwx3Yzg5z0gJcGwKSvIHr7PoKDSMugzTo27wztP16CU4jRhTPQdzL5kAyA8MMWqgrYKoT5J0xc","MaxResults":100}},"userAgent":"console.ec2.amazonaws.com","awsRegion":"us-east-1","eventType":"AwsApiCall","@version":"1","userIdentity":{"arn":"arn:aws:iam::123456789123:user/pedro","type":"IAMUser","userName":"pedro","sessionContext":{"webIdFederationData":{},"sessionIssuer":{},"attributes":{"mfaAuthenticated":"true","creationDate":"2020-09-13T17:16:47Z"}},"accountId":"123456789123","principalId":"AIDAICAK2CN5MGHIIDIHA","accessKeyId":"ASIA5FLZVX4OI4ZDQJOL"},"recipientAccountId":"123456789123","responseElements":null,"eventName":"DescribeInstanceTypes","sourceIPAddress":"1.2.3.4","eventSource":"ec2.amazonaws.com","requestID":"2db6a7b5-876c-4995-8258-e6f09d9ef934","@timestamp":"2020-09-14T00:44:23.000Z","eventID":"fd4f1042-c7f6-4107-a6ee-d841d92596e7","eventVersion":"1.05"}',
      expect: {
        ts: Date.UTC(2020, 8, 14, 0, 44, 23), action: 'DescribeInstanceTypes', 'app.name': 'ec2.amazonaws.com', type: 'ORCH',
        'init.host.ip': '1.2.3.4', 'init.usr.name': 'pedro', outcome: 'success', 'data.awsRegion': 'us-east-1',
        'data.userIdentity.type': 'IAMUser', 'data.requestParameters.DescribeInstanceTypesRequest.MaxResults': '100',
      },
    },
    {
      // after the AWS documentation example: a failed call (errorCode); in a log file it sits in {"Records":[...]}
      input: '{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAJ45Q7YFFAREXAMPLE","arn":"arn:aws:iam::123456789012:user/Alice","accountId":"123456789012","accessKeyId":"AKIAIOSFODNN7EXAMPLE","userName":"Alice"},"eventTime":"2014-03-24T21:11:59Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-2","sourceIPAddress":"127.0.0.1","userAgent":"aws-cli/1.3.2 Python/2.7.5 Windows/7","errorCode":"EntityAlreadyExistsException","errorMessage":"User with name Bob already exists.","requestParameters":{"userName":"Bob"},"responseElements":null}',
      expect: { ts: Date.UTC(2014, 2, 24, 21, 11, 59), type: 'AUTH', outcome: 'failure', 'init.usr.name': 'Alice', 'data.requestParameters.userName': 'Bob', 'data.errorCode': 'EntityAlreadyExistsException' },
    },
    {
      // after the AWS documentation example: console sign-in failure
      input: '{"eventVersion":"1.05","userIdentity":{"type":"IAMUser","principalId":"AIDACKCEVSQ6C2EXAMPLE","accountId":"111122223333","accessKeyId":"","userName":"JaneDoe"},"eventTime":"2014-07-08T17:35:27Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-2","sourceIPAddress":"192.0.2.100","userAgent":"Mozilla/5.0 (Windows NT 6.1; WOW64; rv:24.0) Gecko/20100101 Firefox/24.0","errorMessage":"Failed authentication","requestParameters":null,"responseElements":{"ConsoleLogin":"Failure"},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/console/home","MobileVersion":"No","MFAUsed":"No"},"eventID":"11ea990b-4678-4bcd-8fbe-62509088b7cf"}',
      expect: { action: 'ConsoleLogin', type: 'AUTH', outcome: 'failure', 'init.usr.name': 'JaneDoe', 'init.host.ip': '192.0.2.100' },
    },
  ],
};
