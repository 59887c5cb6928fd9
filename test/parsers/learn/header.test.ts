// Header learning on shapes outside loghub's six sets: each case is a few lines after their timestamps,
// the columns learned, and the fields read from the first line.
import { describe, expect, it } from 'vitest';
import { learnHeader, readHeader } from '../../../src/parsers/learn/header.ts';
import type { EventFields } from '../../../src/core/schema.ts';

const CASES: { name: string; lines: string[]; cols: string[]; first: EventFields; message: string }[] = [
  {
    name: 'OpenStack: pid, level, logger, request id',
    lines: [
      '25746 INFO nova.osapi_compute.wsgi.server [req-38101a0b-2096-447d-96ea-a692162415ae 113d3a99c3da401fbd62cc2caa5b96d2] 10.11.10.1 "GET /v2/servers"',
      '25746 INFO nova.osapi_compute.wsgi.server [req-9bc36dd9-91c5-4314-898a-47625eb93b09 113d3a99c3da401fbd62cc2caa5b96d2] 10.11.10.1 "GET /v2/os"',
      '2931 INFO nova.compute.manager [req-3ea4052c-895d-4b64-9e2d-04d64c4d94ab - - - - -] [instance: b9000564] VM Started',
    ],
    cols: ['pid', 'level', 'component', 'request'],
    first: { 'obs.process.id': '25746', 'alarm.sev': 'INFO', 'app.name': 'nova.osapi_compute.wsgi.server', 'session.id': 'req-38101a0b-2096-447d-96ea-a692162415ae' },
    message: '113d3a99c3da401fbd62cc2caa5b96d2]',
  },
  {
    name: 'python logging: name and level between " - "',
    lines: ['- myapp.db - WARNING - slow query 2.3 s', '- myapp.web - INFO - GET / 200', '- myapp.db - ERROR - connection lost'],
    cols: ['sep', 'program', 'sep', 'level', 'sep'], first: { 'app.name': 'myapp.db', 'alarm.sev': 'WARNING' }, message: 'slow query',
  },
  {
    name: 'Java: [thread] level logger -',
    lines: ['[main] INFO  org.apache.zookeeper.ZooKeeper - Client environment:java.version=1.8', '[pool-1-thread-3] WARN  org.apache.zookeeper.ClientCnxn - Session 0x0 lost', '[main] DEBUG org.apache.zookeeper.ZooKeeper - closing'],
    cols: ['thread', 'level', 'program', 'sep'], first: { 'data.thread': 'main', 'alarm.sev': 'INFO', 'app.name': 'org.apache.zookeeper.ZooKeeper' }, message: 'Client environment',
  },
  {
    name: 'syslog-like: host then tag[pid]',
    lines: ['web01 sshd[811]: Accepted publickey for alice', 'web01 CRON[900]: (root) CMD (true)', 'web01 kernel: [UFW BLOCK] IN=eth0'],
    cols: ['host', 'tag'], first: { 'obs.host.name': 'web01', 'app.name': 'sshd', 'obs.process.name': 'sshd', 'obs.process.id': '811' }, message: 'Accepted',
  },
  {
    name: 'free text only: no columns',
    lines: ['Starting the engine now', 'Engine started in 3 s', 'Stopping'],
    cols: [], first: {}, message: 'Starting',
  },
];

describe('header learning', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const cols = learnHeader(c.lines);
      expect(cols).toEqual(c.cols);
      const ev: EventFields = {};
      const at = readHeader(c.lines[0], cols, ev);
      expect(ev).toEqual(c.first);
      expect(c.lines[0].slice(at).trim().startsWith(c.message)).toBe(true);
    });
  }
});
