graph
[
  comment "a published network with value as the tie strength and numeric entities"
  node
  [
    id 0
    label "TexasA&#38;M"
  ]
  node
  [
    id 1
    label "Universit&#233; Paris &#x2014; Nord"
  ]
  node
  [
    id 2
    label "Rice"
  ]
  edge
  [
    source 0
    target 1
    value 3
  ]
  edge
  [
    source 1
    target 2
    value 1.5
  ]
]
