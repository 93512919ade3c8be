Creator "written by hand for coopmap's tests"
graph [
  directed 0
  node [ id 0 name "cite-rennes" label "Cité éducative de Rennes" type "cite" region "Bretagne" ]
  node [ id 1 name "cite-brest" label "Cité éducative de Brest" type "cite" region "Bretagne" ]
  node [ id 2 name "resovilles" label "Résovilles" type "crpv" region "Bretagne" ]
  node [ id 3 name "cite-caen" label "Cité éducative de Caen" type "cite" region "Normandie" ]
  node [ id 4 name "normanvilles" label "Normanvilles" type "crpv" region "Normandie" ]
  node [ id 5 name "17" label "Association 17, Caen" type "association" region "Normandie" ]
  edge [ source 2 target 0 weight 3 ]
  edge [ source 2 target 1 weight 2.5 ]
  edge [ source 0 target 1 weight 1 ]
  edge [ source 4 target 3 weight 4 ]
  edge [ source 2 target 4 weight 2 ]
  edge [ source 3 target 0 weight 0.5 ]
  edge [ source 1 target 4 weight 1.5 ]
]
