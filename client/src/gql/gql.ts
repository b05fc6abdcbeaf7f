/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment BuildCard_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    visibility\n    providedBoons\n    owner {\n      id\n      username\n    }\n    ...BuildIcon_build\n  }\n": typeof types.BuildCard_BuildFragmentDoc,
    "\n  fragment BuildEditor_build on Build {\n    id\n    name\n    visibility\n    roles\n    suggestedRoles {\n      key\n      label\n      context\n    }\n  }\n": typeof types.BuildEditor_BuildFragmentDoc,
    "\n  mutation UpdateBuild($id: ID!, $input: UpdateBuildInput!) {\n    updateBuild(id: $id, input: $input) {\n      id\n      name\n      visibility\n      roles\n      providedBoons\n      updatedAt\n    }\n  }\n": typeof types.UpdateBuildDocument,
    "\n  fragment BuildIcon_build on Build {\n    profession {\n      id\n      name\n      icon\n    }\n    specializations {\n      specialization {\n        id\n        name\n        icon\n        elite\n      }\n    }\n  }\n": typeof types.BuildIcon_BuildFragmentDoc,
    "\n  mutation ImportBuilds($codes: [String!]!, $visibility: BuildVisibility!) {\n    importBuilds(codes: $codes, visibility: $visibility) {\n      created\n      failed\n      results {\n        index\n        chatCode\n        build {\n          id\n          name\n        }\n        error {\n          message\n        }\n      }\n    }\n  }\n": typeof types.ImportBuildsDocument,
    "\n  fragment CoverageGaps_coverage on TeamCoverage {\n    gaps {\n      subgroup\n      capability\n      scope\n      have\n      need\n      message\n    }\n  }\n": typeof types.CoverageGaps_CoverageFragmentDoc,
    "\n  fragment CoverageHeatmap_coverage on TeamCoverage {\n    score\n    subgroups {\n      subgroup\n      score\n      capabilities {\n        capability\n        required\n        minSources\n        score\n        providers {\n          memberId\n          label\n        }\n      }\n    }\n  }\n": typeof types.CoverageHeatmap_CoverageFragmentDoc,
    "\n  fragment DuplicateBuild_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    roles\n    statPrefix\n    notes\n    viewerCanEdit\n  }\n": typeof types.DuplicateBuild_BuildFragmentDoc,
    "\n  mutation DuplicateBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.DuplicateBuildDocument,
    "\n  mutation SubmitFeedback($input: FeedbackInput!) {\n    submitFeedback(input: $input) {\n      subject\n      subjectId\n      rating\n      reason\n    }\n  }\n": typeof types.SubmitFeedbackDocument,
    "\n  fragment MemberEditor_member on TeamMember {\n    id\n    label\n    playerName\n    roleKey\n    roleInference {\n      role {\n        key\n        label\n        provides\n      }\n      alternatives {\n        role {\n          key\n          label\n          provides\n        }\n      }\n    }\n  }\n": typeof types.MemberEditor_MemberFragmentDoc,
    "\n  fragment OptimizePanel_plan on SquadPlan {\n    id\n    status\n    solveTimeMs\n    subgroups {\n      number\n      provides\n      members {\n        slot\n        subgroup\n        playerName\n        profession\n        specialization\n        roleLabel\n        provides\n      }\n    }\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n    }\n    explanation {\n      ...PlanExplanation_explanation\n    }\n  }\n": typeof types.OptimizePanel_PlanFragmentDoc,
    "\n  mutation DiscardSquadPlan($planId: ID!) {\n    discardSquadPlan(planId: $planId)\n  }\n": typeof types.DiscardSquadPlanDocument,
    "\n  fragment PlanExplanation_explanation on PlanExplanation {\n    summary\n    subgroups {\n      subgroup\n      inUse\n      members {\n        slot\n        playerName\n        specialization\n        brings {\n          capability\n          status\n        }\n      }\n    }\n    moves {\n      playerName\n      reason\n      text\n    }\n    uncovered {\n      subgroup\n      capability\n      text\n    }\n  }\n": typeof types.PlanExplanation_ExplanationFragmentDoc,
    "\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n": typeof types.ReadinessIndicatorDocument,
    "\n  fragment RoleOptionList_role on RoleOption {\n    key\n    label\n    kind\n    context\n    provides\n    notes\n  }\n": typeof types.RoleOptionList_RoleFragmentDoc,
    "\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n": typeof types.ServerInfoCard_ServerInfoFragmentDoc,
    "\n  fragment SquadGrid_team on Team {\n    id\n    size\n    members {\n      id\n      label\n      subgroup\n      position\n      role {\n        key\n        label\n      }\n      ...SquadMemberCard_member\n      ...MemberEditor_member\n    }\n  }\n": typeof types.SquadGrid_TeamFragmentDoc,
    "\n  fragment SquadMemberCard_member on TeamMember {\n    id\n    label\n    playerName\n    provides\n    roleSource\n    role {\n      key\n      label\n    }\n    build {\n      id\n      name\n      ...BuildIcon_build\n    }\n  }\n": typeof types.SquadMemberCard_MemberFragmentDoc,
    "\n  query TeamText($id: ID!, $format: SquadTextFormat!) {\n    team(id: $id) {\n      id\n      asText(format: $format)\n    }\n  }\n": typeof types.TeamTextDocument,
    "\n  mutation AddStarterBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.AddStarterBuildDocument,
    "\n  query TeamPageBuilds($filter: BuildFilter) {\n    builds(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            id\n            name\n          }\n          specializations {\n            specialization {\n              id\n              name\n              elite\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.TeamPageBuildsDocument,
    "\n  query OptimizeTeam($input: OptimizeSquadInput!) {\n    optimizeSquad(input: $input) {\n      id\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      ...OptimizePanel_plan\n    }\n  }\n": typeof types.OptimizeTeamDocument,
    "\n  mutation ApplySquadPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.ApplySquadPlanDocument,
    "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!, $expectedVersion: Int) {\n    updateTeam(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) {\n    deleteTeam(id: $id, expectedVersion: $expectedVersion)\n  }\n": typeof types.DeleteTeamDocument,
    "\n  fragment TeamSharingPanel_team on Team {\n    id\n    owner {\n      id\n      username\n    }\n    shares {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.TeamSharingPanel_TeamFragmentDoc,
    "\n  mutation ShareTeam($teamId: ID!, $username: String!, $access: TeamShareAccess!) {\n    shareTeam(teamId: $teamId, username: $username, access: $access) {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n": typeof types.ShareTeamDocument,
    "\n  mutation UnshareTeam($teamId: ID!, $username: String!) {\n    unshareTeam(teamId: $teamId, username: $username)\n  }\n": typeof types.UnshareTeamDocument,
    "\n  fragment TraitLine_line on BuildSpecialization {\n    traitChoices\n    specialization {\n      id\n      name\n      icon\n      elite\n    }\n    majorTraits {\n      id\n      name\n      icon\n      tier\n      description\n    }\n  }\n": typeof types.TraitLine_LineFragmentDoc,
    "\n  fragment AiJobFields on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    phase\n    progress\n    source\n    fallbackReason\n    explanation\n    attempts\n    createdAt\n    finishedAt\n    error {\n      code\n      message\n    }\n    groundingIssues {\n      kind\n      term\n    }\n    plan {\n      id\n      gameMode\n      size\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      subgroups {\n        number\n        members {\n          slot\n          specialization\n          roleLabel\n        }\n      }\n      ...OptimizePanel_plan\n    }\n    advice {\n      gameMode\n      notes\n      traitBoons\n      roles {\n        key\n        label\n        provides\n      }\n      servedRequirements {\n        label\n        byTraits\n      }\n    }\n    synergy {\n      gameMode\n      score\n      summary\n      sharedBoons\n      entries {\n        name\n        profession\n      }\n      missingRequirements {\n        label\n      }\n    }\n  }\n": typeof types.AiJobFieldsFragmentDoc,
    "\n  fragment AiJobSummary on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    source\n    fallbackReason\n    error {\n      code\n      message\n    }\n  }\n": typeof types.AiJobSummaryFragmentDoc,
    "\n  query AiJobResult($id: ID!) {\n    aiJob(id: $id) {\n      ...AiJobFields\n    }\n  }\n": typeof types.AiJobResultDocument,
    "\n  subscription AiJobEvents($id: ID!, $afterIndex: Int) {\n    aiJob(id: $id, afterIndex: $afterIndex) {\n      __typename\n      index\n      jobId\n      ... on AiJobSnapshot {\n        phase\n        progress\n        text\n        attempt\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobProgress {\n        phase\n        progress\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n      }\n      ... on AiJobTextDelta {\n        delta\n      }\n      ... on AiJobTextReset {\n        reason\n        attempt\n      }\n      ... on AiJobSucceeded {\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobFailed {\n        error {\n          code\n          message\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobCancelled {\n        job {\n          ...AiJobSummary\n        }\n      }\n    }\n  }\n": typeof types.AiJobEventsDocument,
    "\n  mutation AssistantComposeSquad($input: ComposeSquadInput!) {\n    composeSquad(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.AssistantComposeSquadDocument,
    "\n  mutation AssistantReviewBuild($input: ReviewBuildInput!) {\n    reviewBuild(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.AssistantReviewBuildDocument,
    "\n  mutation AssistantExplainSynergy($input: ExplainSynergyInput!) {\n    explainSynergy(input: $input) {\n      id\n      title\n    }\n  }\n": typeof types.AssistantExplainSynergyDocument,
    "\n  mutation CancelAiJob($id: ID!) {\n    cancelAiJob(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelAiJobDocument,
    "\n  query AiJobs($first: Int, $after: String) {\n    aiJobs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          title\n          status\n          source\n          fallbackReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AiJobsDocument,
    "\n  query AssistantBuilds {\n    myBuilds: builds(first: 50, filter: { owner: ME }) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssistantBuildsDocument,
    "\n  mutation AssistantApplyPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.AssistantApplyPlanDocument,
    "\n  query MetaPipelineRuns {\n    metaPipelineRuns(first: 10) {\n      id\n      period\n      trigger\n      status\n      snapshotVersion\n      durationMs\n      errorMessage\n      host\n      startedAt\n      rowsRead {\n        table\n        rows\n      }\n    }\n  }\n": typeof types.MetaPipelineRunsDocument,
    "\n  fragment AuthSession on AuthPayload {\n    accessToken\n    expiresAt\n    user {\n      id\n      username\n      email\n    }\n  }\n": typeof types.AuthSessionFragmentDoc,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n": typeof types.RegisterDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthSession\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": typeof types.SignOutDocument,
    "\n  mutation MoveTeamMember($memberId: ID!, $subgroup: Int!, $position: Int!, $expectedVersion: Int) {\n    moveTeamMember(\n      memberId: $memberId\n      subgroup: $subgroup\n      position: $position\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.MoveTeamMemberDocument,
    "\n  mutation RemoveTeamMember($memberId: ID!, $expectedVersion: Int) {\n    removeTeamMember(memberId: $memberId, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  mutation AddTeamMember($teamId: ID!, $input: AddTeamMemberInput!, $expectedVersion: Int) {\n    addTeamMember(teamId: $teamId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.AddTeamMemberDocument,
    "\n  mutation UpdateTeamMember($memberId: ID!, $input: UpdateTeamMemberInput!, $expectedVersion: Int) {\n    updateTeamMember(memberId: $memberId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.UpdateTeamMemberDocument,
    "\n  mutation CreateMemberBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateMemberBuildDocument,
    "\n  query AboutPage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n": typeof types.AboutPageDocument,
    "\n  query AccountPage {\n    me {\n      id\n      username\n      email\n      createdAt\n    }\n  }\n": typeof types.AccountPageDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation SignOutEverywhere {\n    logoutEverywhere\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password)\n  }\n": typeof types.DeleteAccountDocument,
    "\n  query BuildPage($id: ID!) {\n    build(id: $id) {\n      id\n      name\n      chatCode\n      gameModes\n      roles\n      statPrefix\n      notes\n      visibility\n      updatedAt\n      viewerCanEdit\n      providedBoons\n      owner {\n        id\n        username\n      }\n      ...BuildIcon_build\n      specializations {\n        specialization {\n          id\n        }\n        ...TraitLine_line\n      }\n      suggestedRoles {\n        ...RoleOptionList_role\n      }\n      ...BuildEditor_build\n      ...DuplicateBuild_build\n    }\n  }\n": typeof types.BuildPageDocument,
    "\n  mutation DeleteBuild($id: ID!) {\n    deleteBuild(id: $id)\n  }\n": typeof types.DeleteBuildDocument,
    "\n  query BuildsPage($first: Int!, $after: String, $filter: BuildFilter) {\n    builds(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...BuildCard_build\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BuildsPageDocument,
    "\n  mutation ImportBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n      ...BuildCard_build\n    }\n  }\n": typeof types.ImportBuildDocument,
    "\n  query MetaPage($gameMode: GameMode!) {\n    metaSnapshot(gameMode: $gameMode) {\n      snapshot {\n        version\n        period\n        pinned\n        minSample\n      }\n      enoughData\n      builds\n      teams\n      players\n      otherShare\n      eliteRoles {\n        specialization\n        roleKey\n        roleLabel\n        share\n        builds\n        teamSlots\n      }\n      missing {\n        capability\n        scope\n        rate\n        teams\n      }\n      weights {\n        specialization\n        roleLabel\n        weight\n      }\n    }\n    metaHistory(gameMode: $gameMode, first: 30) {\n      snapshot {\n        version\n        period\n      }\n      acceptance {\n        source\n        proposed\n        applied\n        rate\n        thumbsUp\n        thumbsDown\n      }\n    }\n  }\n": typeof types.MetaPageDocument,
    "\n  query MetaViewer {\n    me {\n      id\n      role\n    }\n  }\n": typeof types.MetaViewerDocument,
    "\n  mutation RunMetaPipeline {\n    runMetaPipeline {\n      status\n      period\n      reason\n      snapshotVersion\n      errorMessage\n    }\n  }\n": typeof types.RunMetaPipelineDocument,
    "\n  fragment TeamPage_team on Team {\n    id\n    name\n    gameMode\n    size\n    version\n    visibility\n    owner {\n      id\n      username\n    }\n    members {\n      id\n      label\n      playerName\n      subgroup\n      position\n      roleKey\n      build {\n        id\n      }\n    }\n    ...SquadGrid_team\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n      ...CoverageGaps_coverage\n    }\n  }\n": typeof types.TeamPage_TeamFragmentDoc,
    "\n  query TeamPage($id: ID!) {\n    team(id: $id) {\n      id\n      # Asked over HTTP only: a live payload never changes what this session may do.\n      viewerAccess\n      ...TeamPage_team\n      ...TeamSharingPanel_team\n    }\n  }\n": typeof types.TeamPageDocument,
    "\n  subscription TeamUpdated($teamId: ID!) {\n    teamUpdated(teamId: $teamId) {\n      id\n      ...TeamPage_team\n    }\n  }\n": typeof types.TeamUpdatedDocument,
    "\n  query TeamsPage($first: Int!, $after: String, $filter: TeamFilter) {\n    teams(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          gameMode\n          size\n          visibility\n          viewerAccess\n          owner {\n            id\n            username\n          }\n          members {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TeamsPageDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n": typeof types.CreateTeamDocument,
};
const documents: Documents = {
    "\n  fragment BuildCard_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    visibility\n    providedBoons\n    owner {\n      id\n      username\n    }\n    ...BuildIcon_build\n  }\n": types.BuildCard_BuildFragmentDoc,
    "\n  fragment BuildEditor_build on Build {\n    id\n    name\n    visibility\n    roles\n    suggestedRoles {\n      key\n      label\n      context\n    }\n  }\n": types.BuildEditor_BuildFragmentDoc,
    "\n  mutation UpdateBuild($id: ID!, $input: UpdateBuildInput!) {\n    updateBuild(id: $id, input: $input) {\n      id\n      name\n      visibility\n      roles\n      providedBoons\n      updatedAt\n    }\n  }\n": types.UpdateBuildDocument,
    "\n  fragment BuildIcon_build on Build {\n    profession {\n      id\n      name\n      icon\n    }\n    specializations {\n      specialization {\n        id\n        name\n        icon\n        elite\n      }\n    }\n  }\n": types.BuildIcon_BuildFragmentDoc,
    "\n  mutation ImportBuilds($codes: [String!]!, $visibility: BuildVisibility!) {\n    importBuilds(codes: $codes, visibility: $visibility) {\n      created\n      failed\n      results {\n        index\n        chatCode\n        build {\n          id\n          name\n        }\n        error {\n          message\n        }\n      }\n    }\n  }\n": types.ImportBuildsDocument,
    "\n  fragment CoverageGaps_coverage on TeamCoverage {\n    gaps {\n      subgroup\n      capability\n      scope\n      have\n      need\n      message\n    }\n  }\n": types.CoverageGaps_CoverageFragmentDoc,
    "\n  fragment CoverageHeatmap_coverage on TeamCoverage {\n    score\n    subgroups {\n      subgroup\n      score\n      capabilities {\n        capability\n        required\n        minSources\n        score\n        providers {\n          memberId\n          label\n        }\n      }\n    }\n  }\n": types.CoverageHeatmap_CoverageFragmentDoc,
    "\n  fragment DuplicateBuild_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    roles\n    statPrefix\n    notes\n    viewerCanEdit\n  }\n": types.DuplicateBuild_BuildFragmentDoc,
    "\n  mutation DuplicateBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n": types.DuplicateBuildDocument,
    "\n  mutation SubmitFeedback($input: FeedbackInput!) {\n    submitFeedback(input: $input) {\n      subject\n      subjectId\n      rating\n      reason\n    }\n  }\n": types.SubmitFeedbackDocument,
    "\n  fragment MemberEditor_member on TeamMember {\n    id\n    label\n    playerName\n    roleKey\n    roleInference {\n      role {\n        key\n        label\n        provides\n      }\n      alternatives {\n        role {\n          key\n          label\n          provides\n        }\n      }\n    }\n  }\n": types.MemberEditor_MemberFragmentDoc,
    "\n  fragment OptimizePanel_plan on SquadPlan {\n    id\n    status\n    solveTimeMs\n    subgroups {\n      number\n      provides\n      members {\n        slot\n        subgroup\n        playerName\n        profession\n        specialization\n        roleLabel\n        provides\n      }\n    }\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n    }\n    explanation {\n      ...PlanExplanation_explanation\n    }\n  }\n": types.OptimizePanel_PlanFragmentDoc,
    "\n  mutation DiscardSquadPlan($planId: ID!) {\n    discardSquadPlan(planId: $planId)\n  }\n": types.DiscardSquadPlanDocument,
    "\n  fragment PlanExplanation_explanation on PlanExplanation {\n    summary\n    subgroups {\n      subgroup\n      inUse\n      members {\n        slot\n        playerName\n        specialization\n        brings {\n          capability\n          status\n        }\n      }\n    }\n    moves {\n      playerName\n      reason\n      text\n    }\n    uncovered {\n      subgroup\n      capability\n      text\n    }\n  }\n": types.PlanExplanation_ExplanationFragmentDoc,
    "\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n": types.ReadinessIndicatorDocument,
    "\n  fragment RoleOptionList_role on RoleOption {\n    key\n    label\n    kind\n    context\n    provides\n    notes\n  }\n": types.RoleOptionList_RoleFragmentDoc,
    "\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n": types.ServerInfoCard_ServerInfoFragmentDoc,
    "\n  fragment SquadGrid_team on Team {\n    id\n    size\n    members {\n      id\n      label\n      subgroup\n      position\n      role {\n        key\n        label\n      }\n      ...SquadMemberCard_member\n      ...MemberEditor_member\n    }\n  }\n": types.SquadGrid_TeamFragmentDoc,
    "\n  fragment SquadMemberCard_member on TeamMember {\n    id\n    label\n    playerName\n    provides\n    roleSource\n    role {\n      key\n      label\n    }\n    build {\n      id\n      name\n      ...BuildIcon_build\n    }\n  }\n": types.SquadMemberCard_MemberFragmentDoc,
    "\n  query TeamText($id: ID!, $format: SquadTextFormat!) {\n    team(id: $id) {\n      id\n      asText(format: $format)\n    }\n  }\n": types.TeamTextDocument,
    "\n  mutation AddStarterBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n": types.AddStarterBuildDocument,
    "\n  query TeamPageBuilds($filter: BuildFilter) {\n    builds(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            id\n            name\n          }\n          specializations {\n            specialization {\n              id\n              name\n              elite\n            }\n          }\n        }\n      }\n    }\n  }\n": types.TeamPageBuildsDocument,
    "\n  query OptimizeTeam($input: OptimizeSquadInput!) {\n    optimizeSquad(input: $input) {\n      id\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      ...OptimizePanel_plan\n    }\n  }\n": types.OptimizeTeamDocument,
    "\n  mutation ApplySquadPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.ApplySquadPlanDocument,
    "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!, $expectedVersion: Int) {\n    updateTeam(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) {\n    deleteTeam(id: $id, expectedVersion: $expectedVersion)\n  }\n": types.DeleteTeamDocument,
    "\n  fragment TeamSharingPanel_team on Team {\n    id\n    owner {\n      id\n      username\n    }\n    shares {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.TeamSharingPanel_TeamFragmentDoc,
    "\n  mutation ShareTeam($teamId: ID!, $username: String!, $access: TeamShareAccess!) {\n    shareTeam(teamId: $teamId, username: $username, access: $access) {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n": types.ShareTeamDocument,
    "\n  mutation UnshareTeam($teamId: ID!, $username: String!) {\n    unshareTeam(teamId: $teamId, username: $username)\n  }\n": types.UnshareTeamDocument,
    "\n  fragment TraitLine_line on BuildSpecialization {\n    traitChoices\n    specialization {\n      id\n      name\n      icon\n      elite\n    }\n    majorTraits {\n      id\n      name\n      icon\n      tier\n      description\n    }\n  }\n": types.TraitLine_LineFragmentDoc,
    "\n  fragment AiJobFields on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    phase\n    progress\n    source\n    fallbackReason\n    explanation\n    attempts\n    createdAt\n    finishedAt\n    error {\n      code\n      message\n    }\n    groundingIssues {\n      kind\n      term\n    }\n    plan {\n      id\n      gameMode\n      size\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      subgroups {\n        number\n        members {\n          slot\n          specialization\n          roleLabel\n        }\n      }\n      ...OptimizePanel_plan\n    }\n    advice {\n      gameMode\n      notes\n      traitBoons\n      roles {\n        key\n        label\n        provides\n      }\n      servedRequirements {\n        label\n        byTraits\n      }\n    }\n    synergy {\n      gameMode\n      score\n      summary\n      sharedBoons\n      entries {\n        name\n        profession\n      }\n      missingRequirements {\n        label\n      }\n    }\n  }\n": types.AiJobFieldsFragmentDoc,
    "\n  fragment AiJobSummary on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    source\n    fallbackReason\n    error {\n      code\n      message\n    }\n  }\n": types.AiJobSummaryFragmentDoc,
    "\n  query AiJobResult($id: ID!) {\n    aiJob(id: $id) {\n      ...AiJobFields\n    }\n  }\n": types.AiJobResultDocument,
    "\n  subscription AiJobEvents($id: ID!, $afterIndex: Int) {\n    aiJob(id: $id, afterIndex: $afterIndex) {\n      __typename\n      index\n      jobId\n      ... on AiJobSnapshot {\n        phase\n        progress\n        text\n        attempt\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobProgress {\n        phase\n        progress\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n      }\n      ... on AiJobTextDelta {\n        delta\n      }\n      ... on AiJobTextReset {\n        reason\n        attempt\n      }\n      ... on AiJobSucceeded {\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobFailed {\n        error {\n          code\n          message\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobCancelled {\n        job {\n          ...AiJobSummary\n        }\n      }\n    }\n  }\n": types.AiJobEventsDocument,
    "\n  mutation AssistantComposeSquad($input: ComposeSquadInput!) {\n    composeSquad(input: $input) {\n      id\n      title\n    }\n  }\n": types.AssistantComposeSquadDocument,
    "\n  mutation AssistantReviewBuild($input: ReviewBuildInput!) {\n    reviewBuild(input: $input) {\n      id\n      title\n    }\n  }\n": types.AssistantReviewBuildDocument,
    "\n  mutation AssistantExplainSynergy($input: ExplainSynergyInput!) {\n    explainSynergy(input: $input) {\n      id\n      title\n    }\n  }\n": types.AssistantExplainSynergyDocument,
    "\n  mutation CancelAiJob($id: ID!) {\n    cancelAiJob(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelAiJobDocument,
    "\n  query AiJobs($first: Int, $after: String) {\n    aiJobs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          title\n          status\n          source\n          fallbackReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AiJobsDocument,
    "\n  query AssistantBuilds {\n    myBuilds: builds(first: 50, filter: { owner: ME }) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AssistantBuildsDocument,
    "\n  mutation AssistantApplyPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      version\n    }\n  }\n": types.AssistantApplyPlanDocument,
    "\n  query MetaPipelineRuns {\n    metaPipelineRuns(first: 10) {\n      id\n      period\n      trigger\n      status\n      snapshotVersion\n      durationMs\n      errorMessage\n      host\n      startedAt\n      rowsRead {\n        table\n        rows\n      }\n    }\n  }\n": types.MetaPipelineRunsDocument,
    "\n  fragment AuthSession on AuthPayload {\n    accessToken\n    expiresAt\n    user {\n      id\n      username\n      email\n    }\n  }\n": types.AuthSessionFragmentDoc,
    "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n": types.SignInDocument,
    "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n": types.RegisterDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthSession\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    logout\n  }\n": types.SignOutDocument,
    "\n  mutation MoveTeamMember($memberId: ID!, $subgroup: Int!, $position: Int!, $expectedVersion: Int) {\n    moveTeamMember(\n      memberId: $memberId\n      subgroup: $subgroup\n      position: $position\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.MoveTeamMemberDocument,
    "\n  mutation RemoveTeamMember($memberId: ID!, $expectedVersion: Int) {\n    removeTeamMember(memberId: $memberId, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.RemoveTeamMemberDocument,
    "\n  mutation AddTeamMember($teamId: ID!, $input: AddTeamMemberInput!, $expectedVersion: Int) {\n    addTeamMember(teamId: $teamId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.AddTeamMemberDocument,
    "\n  mutation UpdateTeamMember($memberId: ID!, $input: UpdateTeamMemberInput!, $expectedVersion: Int) {\n    updateTeamMember(memberId: $memberId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.UpdateTeamMemberDocument,
    "\n  mutation CreateMemberBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateMemberBuildDocument,
    "\n  query AboutPage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n": types.AboutPageDocument,
    "\n  query AccountPage {\n    me {\n      id\n      username\n      email\n      createdAt\n    }\n  }\n": types.AccountPageDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation SignOutEverywhere {\n    logoutEverywhere\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password)\n  }\n": types.DeleteAccountDocument,
    "\n  query BuildPage($id: ID!) {\n    build(id: $id) {\n      id\n      name\n      chatCode\n      gameModes\n      roles\n      statPrefix\n      notes\n      visibility\n      updatedAt\n      viewerCanEdit\n      providedBoons\n      owner {\n        id\n        username\n      }\n      ...BuildIcon_build\n      specializations {\n        specialization {\n          id\n        }\n        ...TraitLine_line\n      }\n      suggestedRoles {\n        ...RoleOptionList_role\n      }\n      ...BuildEditor_build\n      ...DuplicateBuild_build\n    }\n  }\n": types.BuildPageDocument,
    "\n  mutation DeleteBuild($id: ID!) {\n    deleteBuild(id: $id)\n  }\n": types.DeleteBuildDocument,
    "\n  query BuildsPage($first: Int!, $after: String, $filter: BuildFilter) {\n    builds(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...BuildCard_build\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BuildsPageDocument,
    "\n  mutation ImportBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n      ...BuildCard_build\n    }\n  }\n": types.ImportBuildDocument,
    "\n  query MetaPage($gameMode: GameMode!) {\n    metaSnapshot(gameMode: $gameMode) {\n      snapshot {\n        version\n        period\n        pinned\n        minSample\n      }\n      enoughData\n      builds\n      teams\n      players\n      otherShare\n      eliteRoles {\n        specialization\n        roleKey\n        roleLabel\n        share\n        builds\n        teamSlots\n      }\n      missing {\n        capability\n        scope\n        rate\n        teams\n      }\n      weights {\n        specialization\n        roleLabel\n        weight\n      }\n    }\n    metaHistory(gameMode: $gameMode, first: 30) {\n      snapshot {\n        version\n        period\n      }\n      acceptance {\n        source\n        proposed\n        applied\n        rate\n        thumbsUp\n        thumbsDown\n      }\n    }\n  }\n": types.MetaPageDocument,
    "\n  query MetaViewer {\n    me {\n      id\n      role\n    }\n  }\n": types.MetaViewerDocument,
    "\n  mutation RunMetaPipeline {\n    runMetaPipeline {\n      status\n      period\n      reason\n      snapshotVersion\n      errorMessage\n    }\n  }\n": types.RunMetaPipelineDocument,
    "\n  fragment TeamPage_team on Team {\n    id\n    name\n    gameMode\n    size\n    version\n    visibility\n    owner {\n      id\n      username\n    }\n    members {\n      id\n      label\n      playerName\n      subgroup\n      position\n      roleKey\n      build {\n        id\n      }\n    }\n    ...SquadGrid_team\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n      ...CoverageGaps_coverage\n    }\n  }\n": types.TeamPage_TeamFragmentDoc,
    "\n  query TeamPage($id: ID!) {\n    team(id: $id) {\n      id\n      # Asked over HTTP only: a live payload never changes what this session may do.\n      viewerAccess\n      ...TeamPage_team\n      ...TeamSharingPanel_team\n    }\n  }\n": types.TeamPageDocument,
    "\n  subscription TeamUpdated($teamId: ID!) {\n    teamUpdated(teamId: $teamId) {\n      id\n      ...TeamPage_team\n    }\n  }\n": types.TeamUpdatedDocument,
    "\n  query TeamsPage($first: Int!, $after: String, $filter: TeamFilter) {\n    teams(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          gameMode\n          size\n          visibility\n          viewerAccess\n          owner {\n            id\n            username\n          }\n          members {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TeamsPageDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n": types.CreateTeamDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuildCard_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    visibility\n    providedBoons\n    owner {\n      id\n      username\n    }\n    ...BuildIcon_build\n  }\n"): (typeof documents)["\n  fragment BuildCard_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    visibility\n    providedBoons\n    owner {\n      id\n      username\n    }\n    ...BuildIcon_build\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuildEditor_build on Build {\n    id\n    name\n    visibility\n    roles\n    suggestedRoles {\n      key\n      label\n      context\n    }\n  }\n"): (typeof documents)["\n  fragment BuildEditor_build on Build {\n    id\n    name\n    visibility\n    roles\n    suggestedRoles {\n      key\n      label\n      context\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBuild($id: ID!, $input: UpdateBuildInput!) {\n    updateBuild(id: $id, input: $input) {\n      id\n      name\n      visibility\n      roles\n      providedBoons\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBuild($id: ID!, $input: UpdateBuildInput!) {\n    updateBuild(id: $id, input: $input) {\n      id\n      name\n      visibility\n      roles\n      providedBoons\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BuildIcon_build on Build {\n    profession {\n      id\n      name\n      icon\n    }\n    specializations {\n      specialization {\n        id\n        name\n        icon\n        elite\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment BuildIcon_build on Build {\n    profession {\n      id\n      name\n      icon\n    }\n    specializations {\n      specialization {\n        id\n        name\n        icon\n        elite\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportBuilds($codes: [String!]!, $visibility: BuildVisibility!) {\n    importBuilds(codes: $codes, visibility: $visibility) {\n      created\n      failed\n      results {\n        index\n        chatCode\n        build {\n          id\n          name\n        }\n        error {\n          message\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportBuilds($codes: [String!]!, $visibility: BuildVisibility!) {\n    importBuilds(codes: $codes, visibility: $visibility) {\n      created\n      failed\n      results {\n        index\n        chatCode\n        build {\n          id\n          name\n        }\n        error {\n          message\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CoverageGaps_coverage on TeamCoverage {\n    gaps {\n      subgroup\n      capability\n      scope\n      have\n      need\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment CoverageGaps_coverage on TeamCoverage {\n    gaps {\n      subgroup\n      capability\n      scope\n      have\n      need\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CoverageHeatmap_coverage on TeamCoverage {\n    score\n    subgroups {\n      subgroup\n      score\n      capabilities {\n        capability\n        required\n        minSources\n        score\n        providers {\n          memberId\n          label\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment CoverageHeatmap_coverage on TeamCoverage {\n    score\n    subgroups {\n      subgroup\n      score\n      capabilities {\n        capability\n        required\n        minSources\n        score\n        providers {\n          memberId\n          label\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DuplicateBuild_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    roles\n    statPrefix\n    notes\n    viewerCanEdit\n  }\n"): (typeof documents)["\n  fragment DuplicateBuild_build on Build {\n    id\n    name\n    chatCode\n    gameModes\n    roles\n    statPrefix\n    notes\n    viewerCanEdit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation DuplicateBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitFeedback($input: FeedbackInput!) {\n    submitFeedback(input: $input) {\n      subject\n      subjectId\n      rating\n      reason\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitFeedback($input: FeedbackInput!) {\n    submitFeedback(input: $input) {\n      subject\n      subjectId\n      rating\n      reason\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberEditor_member on TeamMember {\n    id\n    label\n    playerName\n    roleKey\n    roleInference {\n      role {\n        key\n        label\n        provides\n      }\n      alternatives {\n        role {\n          key\n          label\n          provides\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment MemberEditor_member on TeamMember {\n    id\n    label\n    playerName\n    roleKey\n    roleInference {\n      role {\n        key\n        label\n        provides\n      }\n      alternatives {\n        role {\n          key\n          label\n          provides\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OptimizePanel_plan on SquadPlan {\n    id\n    status\n    solveTimeMs\n    subgroups {\n      number\n      provides\n      members {\n        slot\n        subgroup\n        playerName\n        profession\n        specialization\n        roleLabel\n        provides\n      }\n    }\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n    }\n    explanation {\n      ...PlanExplanation_explanation\n    }\n  }\n"): (typeof documents)["\n  fragment OptimizePanel_plan on SquadPlan {\n    id\n    status\n    solveTimeMs\n    subgroups {\n      number\n      provides\n      members {\n        slot\n        subgroup\n        playerName\n        profession\n        specialization\n        roleLabel\n        provides\n      }\n    }\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n    }\n    explanation {\n      ...PlanExplanation_explanation\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DiscardSquadPlan($planId: ID!) {\n    discardSquadPlan(planId: $planId)\n  }\n"): (typeof documents)["\n  mutation DiscardSquadPlan($planId: ID!) {\n    discardSquadPlan(planId: $planId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanExplanation_explanation on PlanExplanation {\n    summary\n    subgroups {\n      subgroup\n      inUse\n      members {\n        slot\n        playerName\n        specialization\n        brings {\n          capability\n          status\n        }\n      }\n    }\n    moves {\n      playerName\n      reason\n      text\n    }\n    uncovered {\n      subgroup\n      capability\n      text\n    }\n  }\n"): (typeof documents)["\n  fragment PlanExplanation_explanation on PlanExplanation {\n    summary\n    subgroups {\n      subgroup\n      inUse\n      members {\n        slot\n        playerName\n        specialization\n        brings {\n          capability\n          status\n        }\n      }\n    }\n    moves {\n      playerName\n      reason\n      text\n    }\n    uncovered {\n      subgroup\n      capability\n      text\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ReadinessIndicator {\n    readinessChanged {\n      ready\n      checkedAt\n      checks {\n        name\n        ok\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RoleOptionList_role on RoleOption {\n    key\n    label\n    kind\n    context\n    provides\n    notes\n  }\n"): (typeof documents)["\n  fragment RoleOptionList_role on RoleOption {\n    key\n    label\n    kind\n    context\n    provides\n    notes\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n"): (typeof documents)["\n  fragment ServerInfoCard_serverInfo on ServerInfo {\n    version\n    environment\n    database\n    redis\n    uptimeSeconds\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SquadGrid_team on Team {\n    id\n    size\n    members {\n      id\n      label\n      subgroup\n      position\n      role {\n        key\n        label\n      }\n      ...SquadMemberCard_member\n      ...MemberEditor_member\n    }\n  }\n"): (typeof documents)["\n  fragment SquadGrid_team on Team {\n    id\n    size\n    members {\n      id\n      label\n      subgroup\n      position\n      role {\n        key\n        label\n      }\n      ...SquadMemberCard_member\n      ...MemberEditor_member\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SquadMemberCard_member on TeamMember {\n    id\n    label\n    playerName\n    provides\n    roleSource\n    role {\n      key\n      label\n    }\n    build {\n      id\n      name\n      ...BuildIcon_build\n    }\n  }\n"): (typeof documents)["\n  fragment SquadMemberCard_member on TeamMember {\n    id\n    label\n    playerName\n    provides\n    roleSource\n    role {\n      key\n      label\n    }\n    build {\n      id\n      name\n      ...BuildIcon_build\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamText($id: ID!, $format: SquadTextFormat!) {\n    team(id: $id) {\n      id\n      asText(format: $format)\n    }\n  }\n"): (typeof documents)["\n  query TeamText($id: ID!, $format: SquadTextFormat!) {\n    team(id: $id) {\n      id\n      asText(format: $format)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddStarterBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation AddStarterBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPageBuilds($filter: BuildFilter) {\n    builds(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            id\n            name\n          }\n          specializations {\n            specialization {\n              id\n              name\n              elite\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamPageBuilds($filter: BuildFilter) {\n    builds(first: 50, filter: $filter) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            id\n            name\n          }\n          specializations {\n            specialization {\n              id\n              name\n              elite\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OptimizeTeam($input: OptimizeSquadInput!) {\n    optimizeSquad(input: $input) {\n      id\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      ...OptimizePanel_plan\n    }\n  }\n"): (typeof documents)["\n  query OptimizeTeam($input: OptimizeSquadInput!) {\n    optimizeSquad(input: $input) {\n      id\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      ...OptimizePanel_plan\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplySquadPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  mutation ApplySquadPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!, $expectedVersion: Int) {\n    updateTeam(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!, $expectedVersion: Int) {\n    updateTeam(id: $id, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) {\n    deleteTeam(id: $id, expectedVersion: $expectedVersion)\n  }\n"): (typeof documents)["\n  mutation DeleteTeam($id: ID!, $expectedVersion: Int) {\n    deleteTeam(id: $id, expectedVersion: $expectedVersion)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamSharingPanel_team on Team {\n    id\n    owner {\n      id\n      username\n    }\n    shares {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TeamSharingPanel_team on Team {\n    id\n    owner {\n      id\n      username\n    }\n    shares {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareTeam($teamId: ID!, $username: String!, $access: TeamShareAccess!) {\n    shareTeam(teamId: $teamId, username: $username, access: $access) {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShareTeam($teamId: ID!, $username: String!, $access: TeamShareAccess!) {\n    shareTeam(teamId: $teamId, username: $username, access: $access) {\n      access\n      user {\n        id\n        username\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnshareTeam($teamId: ID!, $username: String!) {\n    unshareTeam(teamId: $teamId, username: $username)\n  }\n"): (typeof documents)["\n  mutation UnshareTeam($teamId: ID!, $username: String!) {\n    unshareTeam(teamId: $teamId, username: $username)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TraitLine_line on BuildSpecialization {\n    traitChoices\n    specialization {\n      id\n      name\n      icon\n      elite\n    }\n    majorTraits {\n      id\n      name\n      icon\n      tier\n      description\n    }\n  }\n"): (typeof documents)["\n  fragment TraitLine_line on BuildSpecialization {\n    traitChoices\n    specialization {\n      id\n      name\n      icon\n      elite\n    }\n    majorTraits {\n      id\n      name\n      icon\n      tier\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AiJobFields on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    phase\n    progress\n    source\n    fallbackReason\n    explanation\n    attempts\n    createdAt\n    finishedAt\n    error {\n      code\n      message\n    }\n    groundingIssues {\n      kind\n      term\n    }\n    plan {\n      id\n      gameMode\n      size\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      subgroups {\n        number\n        members {\n          slot\n          specialization\n          roleLabel\n        }\n      }\n      ...OptimizePanel_plan\n    }\n    advice {\n      gameMode\n      notes\n      traitBoons\n      roles {\n        key\n        label\n        provides\n      }\n      servedRequirements {\n        label\n        byTraits\n      }\n    }\n    synergy {\n      gameMode\n      score\n      summary\n      sharedBoons\n      entries {\n        name\n        profession\n      }\n      missingRequirements {\n        label\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment AiJobFields on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    phase\n    progress\n    source\n    fallbackReason\n    explanation\n    attempts\n    createdAt\n    finishedAt\n    error {\n      code\n      message\n    }\n    groundingIssues {\n      kind\n      term\n    }\n    plan {\n      id\n      gameMode\n      size\n      assignments {\n        buildId\n        playerName\n        roleKey\n        subgroup\n      }\n      subgroups {\n        number\n        members {\n          slot\n          specialization\n          roleLabel\n        }\n      }\n      ...OptimizePanel_plan\n    }\n    advice {\n      gameMode\n      notes\n      traitBoons\n      roles {\n        key\n        label\n        provides\n      }\n      servedRequirements {\n        label\n        byTraits\n      }\n    }\n    synergy {\n      gameMode\n      score\n      summary\n      sharedBoons\n      entries {\n        name\n        profession\n      }\n      missingRequirements {\n        label\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AiJobSummary on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    source\n    fallbackReason\n    error {\n      code\n      message\n    }\n  }\n"): (typeof documents)["\n  fragment AiJobSummary on AiJob {\n    id\n    kind\n    title\n    request\n    teamId\n    status\n    source\n    fallbackReason\n    error {\n      code\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiJobResult($id: ID!) {\n    aiJob(id: $id) {\n      ...AiJobFields\n    }\n  }\n"): (typeof documents)["\n  query AiJobResult($id: ID!) {\n    aiJob(id: $id) {\n      ...AiJobFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AiJobEvents($id: ID!, $afterIndex: Int) {\n    aiJob(id: $id, afterIndex: $afterIndex) {\n      __typename\n      index\n      jobId\n      ... on AiJobSnapshot {\n        phase\n        progress\n        text\n        attempt\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobProgress {\n        phase\n        progress\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n      }\n      ... on AiJobTextDelta {\n        delta\n      }\n      ... on AiJobTextReset {\n        reason\n        attempt\n      }\n      ... on AiJobSucceeded {\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobFailed {\n        error {\n          code\n          message\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobCancelled {\n        job {\n          ...AiJobSummary\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription AiJobEvents($id: ID!, $afterIndex: Int) {\n    aiJob(id: $id, afterIndex: $afterIndex) {\n      __typename\n      index\n      jobId\n      ... on AiJobSnapshot {\n        phase\n        progress\n        text\n        attempt\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobProgress {\n        phase\n        progress\n        incumbent {\n          objective\n          elapsedMs\n          gap\n          source\n        }\n      }\n      ... on AiJobTextDelta {\n        delta\n      }\n      ... on AiJobTextReset {\n        reason\n        attempt\n      }\n      ... on AiJobSucceeded {\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobFailed {\n        error {\n          code\n          message\n        }\n        job {\n          ...AiJobSummary\n        }\n      }\n      ... on AiJobCancelled {\n        job {\n          ...AiJobSummary\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssistantComposeSquad($input: ComposeSquadInput!) {\n    composeSquad(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation AssistantComposeSquad($input: ComposeSquadInput!) {\n    composeSquad(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssistantReviewBuild($input: ReviewBuildInput!) {\n    reviewBuild(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation AssistantReviewBuild($input: ReviewBuildInput!) {\n    reviewBuild(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssistantExplainSynergy($input: ExplainSynergyInput!) {\n    explainSynergy(input: $input) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation AssistantExplainSynergy($input: ExplainSynergyInput!) {\n    explainSynergy(input: $input) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelAiJob($id: ID!) {\n    cancelAiJob(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelAiJob($id: ID!) {\n    cancelAiJob(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AiJobs($first: Int, $after: String) {\n    aiJobs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          title\n          status\n          source\n          fallbackReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AiJobs($first: Int, $after: String) {\n    aiJobs(first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          kind\n          title\n          status\n          source\n          fallbackReason\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssistantBuilds {\n    myBuilds: builds(first: 50, filter: { owner: ME }) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AssistantBuilds {\n    myBuilds: builds(first: 50, filter: { owner: ME }) {\n      edges {\n        node {\n          id\n          name\n          profession {\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssistantApplyPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation AssistantApplyPlan($input: ApplySquadPlanInput!) {\n    applySquadPlan(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetaPipelineRuns {\n    metaPipelineRuns(first: 10) {\n      id\n      period\n      trigger\n      status\n      snapshotVersion\n      durationMs\n      errorMessage\n      host\n      startedAt\n      rowsRead {\n        table\n        rows\n      }\n    }\n  }\n"): (typeof documents)["\n  query MetaPipelineRuns {\n    metaPipelineRuns(first: 10) {\n      id\n      period\n      trigger\n      status\n      snapshotVersion\n      durationMs\n      errorMessage\n      host\n      startedAt\n      rowsRead {\n        table\n        rows\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuthSession on AuthPayload {\n    accessToken\n    expiresAt\n    user {\n      id\n      username\n      email\n    }\n  }\n"): (typeof documents)["\n  fragment AuthSession on AuthPayload {\n    accessToken\n    expiresAt\n    user {\n      id\n      username\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: LoginInput!) {\n    login(input: $input) {\n      ...AuthSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n"): (typeof documents)["\n  mutation Register($input: RegisterInput!) {\n    register(input: $input) {\n      ...AuthSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthSession\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      ...AuthSession\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    logout\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveTeamMember($memberId: ID!, $subgroup: Int!, $position: Int!, $expectedVersion: Int) {\n    moveTeamMember(\n      memberId: $memberId\n      subgroup: $subgroup\n      position: $position\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  mutation MoveTeamMember($memberId: ID!, $subgroup: Int!, $position: Int!, $expectedVersion: Int) {\n    moveTeamMember(\n      memberId: $memberId\n      subgroup: $subgroup\n      position: $position\n      expectedVersion: $expectedVersion\n    ) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($memberId: ID!, $expectedVersion: Int) {\n    removeTeamMember(memberId: $memberId, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTeamMember($memberId: ID!, $expectedVersion: Int) {\n    removeTeamMember(memberId: $memberId, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMember($teamId: ID!, $input: AddTeamMemberInput!, $expectedVersion: Int) {\n    addTeamMember(teamId: $teamId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  mutation AddTeamMember($teamId: ID!, $input: AddTeamMemberInput!, $expectedVersion: Int) {\n    addTeamMember(teamId: $teamId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeamMember($memberId: ID!, $input: UpdateTeamMemberInput!, $expectedVersion: Int) {\n    updateTeamMember(memberId: $memberId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeamMember($memberId: ID!, $input: UpdateTeamMemberInput!, $expectedVersion: Int) {\n    updateTeamMember(memberId: $memberId, input: $input, expectedVersion: $expectedVersion) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMemberBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMemberBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AboutPage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n"): (typeof documents)["\n  query AboutPage {\n    serverInfo {\n      ...ServerInfoCard_serverInfo\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccountPage {\n    me {\n      id\n      username\n      email\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query AccountPage {\n    me {\n      id\n      username\n      email\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere {\n    logoutEverywhere\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere {\n    logoutEverywhere\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password)\n  }\n"): (typeof documents)["\n  mutation DeleteAccount($password: String!) {\n    deleteAccount(password: $password)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuildPage($id: ID!) {\n    build(id: $id) {\n      id\n      name\n      chatCode\n      gameModes\n      roles\n      statPrefix\n      notes\n      visibility\n      updatedAt\n      viewerCanEdit\n      providedBoons\n      owner {\n        id\n        username\n      }\n      ...BuildIcon_build\n      specializations {\n        specialization {\n          id\n        }\n        ...TraitLine_line\n      }\n      suggestedRoles {\n        ...RoleOptionList_role\n      }\n      ...BuildEditor_build\n      ...DuplicateBuild_build\n    }\n  }\n"): (typeof documents)["\n  query BuildPage($id: ID!) {\n    build(id: $id) {\n      id\n      name\n      chatCode\n      gameModes\n      roles\n      statPrefix\n      notes\n      visibility\n      updatedAt\n      viewerCanEdit\n      providedBoons\n      owner {\n        id\n        username\n      }\n      ...BuildIcon_build\n      specializations {\n        specialization {\n          id\n        }\n        ...TraitLine_line\n      }\n      suggestedRoles {\n        ...RoleOptionList_role\n      }\n      ...BuildEditor_build\n      ...DuplicateBuild_build\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBuild($id: ID!) {\n    deleteBuild(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteBuild($id: ID!) {\n    deleteBuild(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BuildsPage($first: Int!, $after: String, $filter: BuildFilter) {\n    builds(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...BuildCard_build\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query BuildsPage($first: Int!, $after: String, $filter: BuildFilter) {\n    builds(first: $first, after: $after, filter: $filter) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          ...BuildCard_build\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n      ...BuildCard_build\n    }\n  }\n"): (typeof documents)["\n  mutation ImportBuild($input: CreateBuildInput!) {\n    createBuild(input: $input) {\n      id\n      name\n      ...BuildCard_build\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetaPage($gameMode: GameMode!) {\n    metaSnapshot(gameMode: $gameMode) {\n      snapshot {\n        version\n        period\n        pinned\n        minSample\n      }\n      enoughData\n      builds\n      teams\n      players\n      otherShare\n      eliteRoles {\n        specialization\n        roleKey\n        roleLabel\n        share\n        builds\n        teamSlots\n      }\n      missing {\n        capability\n        scope\n        rate\n        teams\n      }\n      weights {\n        specialization\n        roleLabel\n        weight\n      }\n    }\n    metaHistory(gameMode: $gameMode, first: 30) {\n      snapshot {\n        version\n        period\n      }\n      acceptance {\n        source\n        proposed\n        applied\n        rate\n        thumbsUp\n        thumbsDown\n      }\n    }\n  }\n"): (typeof documents)["\n  query MetaPage($gameMode: GameMode!) {\n    metaSnapshot(gameMode: $gameMode) {\n      snapshot {\n        version\n        period\n        pinned\n        minSample\n      }\n      enoughData\n      builds\n      teams\n      players\n      otherShare\n      eliteRoles {\n        specialization\n        roleKey\n        roleLabel\n        share\n        builds\n        teamSlots\n      }\n      missing {\n        capability\n        scope\n        rate\n        teams\n      }\n      weights {\n        specialization\n        roleLabel\n        weight\n      }\n    }\n    metaHistory(gameMode: $gameMode, first: 30) {\n      snapshot {\n        version\n        period\n      }\n      acceptance {\n        source\n        proposed\n        applied\n        rate\n        thumbsUp\n        thumbsDown\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetaViewer {\n    me {\n      id\n      role\n    }\n  }\n"): (typeof documents)["\n  query MetaViewer {\n    me {\n      id\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RunMetaPipeline {\n    runMetaPipeline {\n      status\n      period\n      reason\n      snapshotVersion\n      errorMessage\n    }\n  }\n"): (typeof documents)["\n  mutation RunMetaPipeline {\n    runMetaPipeline {\n      status\n      period\n      reason\n      snapshotVersion\n      errorMessage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamPage_team on Team {\n    id\n    name\n    gameMode\n    size\n    version\n    visibility\n    owner {\n      id\n      username\n    }\n    members {\n      id\n      label\n      playerName\n      subgroup\n      position\n      roleKey\n      build {\n        id\n      }\n    }\n    ...SquadGrid_team\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n      ...CoverageGaps_coverage\n    }\n  }\n"): (typeof documents)["\n  fragment TeamPage_team on Team {\n    id\n    name\n    gameMode\n    size\n    version\n    visibility\n    owner {\n      id\n      username\n    }\n    members {\n      id\n      label\n      playerName\n      subgroup\n      position\n      roleKey\n      build {\n        id\n      }\n    }\n    ...SquadGrid_team\n    coverage {\n      score\n      ...CoverageHeatmap_coverage\n      ...CoverageGaps_coverage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamPage($id: ID!) {\n    team(id: $id) {\n      id\n      # Asked over HTTP only: a live payload never changes what this session may do.\n      viewerAccess\n      ...TeamPage_team\n      ...TeamSharingPanel_team\n    }\n  }\n"): (typeof documents)["\n  query TeamPage($id: ID!) {\n    team(id: $id) {\n      id\n      # Asked over HTTP only: a live payload never changes what this session may do.\n      viewerAccess\n      ...TeamPage_team\n      ...TeamSharingPanel_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription TeamUpdated($teamId: ID!) {\n    teamUpdated(teamId: $teamId) {\n      id\n      ...TeamPage_team\n    }\n  }\n"): (typeof documents)["\n  subscription TeamUpdated($teamId: ID!) {\n    teamUpdated(teamId: $teamId) {\n      id\n      ...TeamPage_team\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamsPage($first: Int!, $after: String, $filter: TeamFilter) {\n    teams(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          gameMode\n          size\n          visibility\n          viewerAccess\n          owner {\n            id\n            username\n          }\n          members {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query TeamsPage($first: Int!, $after: String, $filter: TeamFilter) {\n    teams(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          id\n          name\n          gameMode\n          size\n          visibility\n          viewerAccess\n          owner {\n            id\n            username\n          }\n          members {\n            id\n          }\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;