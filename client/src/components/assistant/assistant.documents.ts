/** The assistant's GraphQL documents (typed by codegen). */
import { graphql } from '../../gql';

export const AiJobFieldsFragment = graphql(`
  fragment AiJobFields on AiJob {
    id
    kind
    title
    request
    teamId
    status
    phase
    progress
    source
    fallbackReason
    explanation
    attempts
    createdAt
    finishedAt
    error {
      code
      message
    }
    groundingIssues {
      kind
      term
    }
    plan {
      id
      gameMode
      size
      assignments {
        buildId
        playerName
        roleKey
        subgroup
      }
      subgroups {
        number
        members {
          slot
          specialization
          roleLabel
        }
      }
      ...OptimizePanel_plan
    }
    advice {
      gameMode
      notes
      traitBoons
      roles {
        key
        label
        provides
      }
      servedRequirements {
        label
        byTraits
      }
    }
    synergy {
      gameMode
      score
      summary
      sharedBoons
      entries {
        name
        profession
      }
      missingRequirements {
        label
      }
    }
  }
`);

/** What the stream carries about the job (the result is fetched once, when it succeeded). */
export const AiJobSummaryFragment = graphql(`
  fragment AiJobSummary on AiJob {
    id
    kind
    title
    request
    teamId
    status
    source
    fallbackReason
    error {
      code
      message
    }
  }
`);

export const AiJobResultQuery = graphql(`
  query AiJobResult($id: ID!) {
    aiJob(id: $id) {
      ...AiJobFields
    }
  }
`);

export const AiJobEventsSubscription = graphql(`
  subscription AiJobEvents($id: ID!, $afterIndex: Int) {
    aiJob(id: $id, afterIndex: $afterIndex) {
      __typename
      index
      jobId
      ... on AiJobSnapshot {
        phase
        progress
        text
        attempt
        incumbent {
          objective
          elapsedMs
          gap
          source
        }
        job {
          ...AiJobSummary
        }
      }
      ... on AiJobProgress {
        phase
        progress
        incumbent {
          objective
          elapsedMs
          gap
          source
        }
      }
      ... on AiJobTextDelta {
        delta
      }
      ... on AiJobTextReset {
        reason
        attempt
      }
      ... on AiJobSucceeded {
        job {
          ...AiJobSummary
        }
      }
      ... on AiJobFailed {
        error {
          code
          message
        }
        job {
          ...AiJobSummary
        }
      }
      ... on AiJobCancelled {
        job {
          ...AiJobSummary
        }
      }
    }
  }
`);

export const ComposeSquadMutation = graphql(`
  mutation AssistantComposeSquad($input: ComposeSquadInput!) {
    composeSquad(input: $input) {
      id
      title
    }
  }
`);

export const ReviewBuildMutation = graphql(`
  mutation AssistantReviewBuild($input: ReviewBuildInput!) {
    reviewBuild(input: $input) {
      id
      title
    }
  }
`);

export const ExplainSynergyMutation = graphql(`
  mutation AssistantExplainSynergy($input: ExplainSynergyInput!) {
    explainSynergy(input: $input) {
      id
      title
    }
  }
`);

export const CancelAiJobMutation = graphql(`
  mutation CancelAiJob($id: ID!) {
    cancelAiJob(id: $id) {
      id
      status
    }
  }
`);

export const AiJobsQuery = graphql(`
  query AiJobs($first: Int, $after: String) {
    aiJobs(first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          kind
          title
          status
          source
          fallbackReason
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AssistantBuildsQuery = graphql(`
  query AssistantBuilds {
    myBuilds: builds(first: 50, filter: { owner: ME }) {
      edges {
        node {
          id
          name
          profession {
            name
          }
        }
      }
    }
  }
`);

export const AssistantApplyPlanMutation = graphql(`
  mutation AssistantApplyPlan($input: ApplySquadPlanInput!) {
    applySquadPlan(input: $input) {
      id
      version
    }
  }
`);
