import { useState } from 'react';
import { AgentAccessSettings } from './agent-access';
import { AgentsSettings } from './agents-settings';
import { CannedRepliesSettings } from './canned-replies-settings';
import { DeadLettersPanel } from './dead-letters-panel';
import { EmailTemplatesSettings } from './email-templates-settings';
import { KnowledgeBaseSettings } from './kb-settings';
import { LlmSettings } from './llm-settings';
import { NotificationSettings } from './notification-settings';
import { PolicySettings } from './policy-settings';
import { focusTeamEditor, TeamEditor } from './team-editor';
import { TeamsSettings } from './teams-settings';

const SECTIONS = [
  ['#policy', 'Escalation policy'],
  ['#teams', 'Teams'],
  ['#canned', 'Canned replies'],
  ['#notifications', 'Notifications'],
  ['#kb', 'Knowledge base'],
  ['#email-templates', 'Customer emails'],
  ['#llm', 'Language model'],
] as const;

/** The admin's settings: policy, teams and agents, one team's settings, notifications, the KB. */
export function AdminPage() {
  const [teamId, setTeamId] = useState<string | null>(null);
  return (
    <div className="page admin">
      <div className="page-head">
        <h1>Settings</h1>
        <nav aria-label="Settings sections">
          <ul className="section-nav">
            {SECTIONS.map(([href, label]) => (
              <li key={href}>
                <a href={href}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <PolicySettings />
      <div className="two-col" id="teams">
        <TeamsSettings
          onEdit={(id) => {
            setTeamId(id);
            requestAnimationFrame(focusTeamEditor);
          }}
        />
        <AgentsSettings />
      </div>
      <div className="admin-gap" />
      <TeamEditor selected={teamId} onSelect={setTeamId} />
      <AgentAccessSettings />
      <CannedRepliesSettings />
      <NotificationSettings />
      <DeadLettersPanel />
      <KnowledgeBaseSettings />
      <EmailTemplatesSettings />
      <LlmSettings />
    </div>
  );
}
