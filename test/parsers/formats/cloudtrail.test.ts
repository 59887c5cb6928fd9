import { describe, expect, it } from 'vitest';
import { cloudtrail } from '../../../src/parsers/formats/cloudtrail.ts';
import { needsCorpus } from '../../harness/corpus.ts';
import { makeCtx, parseFile } from '../../harness/parsers.ts';
import { otrfFile } from './otrf.ts';

describe('cloudtrail', () => {
  it('a service name in sourceIPAddress is a host name', () => {
    const r = cloudtrail.parse('{"eventTime":"2020-01-01T00:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject","sourceIPAddress":"ec2.amazonaws.com","userIdentity":{"type":"AWSService","invokedBy":"ec2.amazonaws.com"}}', makeCtx());
    expect(r.ok && r.value).toMatchObject({ 'init.host.name': 'ec2.amazonaws.com', type: 'BDD', 'init.usr.name': 'ec2.amazonaws.com' });
    expect(r.ok && r.value['init.host.ip']).toBeUndefined();
  });

  it('a pretty-printed Records file gives one event per record', () => {
    const file = '{\n  "Records": [\n    {"eventTime":"2020-01-01T00:00:00Z","eventSource":"sts.amazonaws.com","eventName":"GetCallerIdentity","userIdentity":{"userName":"a"}},\n    {"eventTime":"2020-01-01T00:00:01Z","eventSource":"sts.amazonaws.com","eventName":"AssumeRole","userIdentity":{"userName":"b"}}\n  ]\n}\n';
    const res = parseFile(cloudtrail, file);
    expect(res.unparsed).toEqual([]);
    expect(res.events.map((e) => e.action)).toEqual(['GetCallerIdentity', 'AssumeRole']);
  });

  it('OTRF ec2_proxy_s3_exfiltration.zip: every line parses', needsCorpus, () => {
    const res = parseFile(cloudtrail, otrfFile('datasets/atomic/aws/collection/ec2_proxy_s3_exfiltration.zip').text);
    expect(res.unparsed).toEqual([]);
    expect(res.events.length).toBe(103);
    for (const ev of res.events) {
      expect(typeof ev.ts).toBe('number');
      expect(ev['init.usr.name']).toBeTruthy();
    }
  });
});
